using System.Numerics;
using SpankQrun.Simulator.Binding;

namespace SpankQrun.Simulator.Execution;

/// <summary>
/// Fuses runs of one-qubit gates: every one-qubit gate on a qubit is multiplied into that qubit's pending matrix,
/// which is applied (as one pass over the state) only when a multi-qubit gate touches the qubit, or at the end.
/// One-qubit gates on different qubits commute, so the result equals gate-by-gate application up to rounding.
/// A pending matrix that came out as the identity is dropped.
/// </summary>
internal static class GateFusion
{
    /// <summary>The fused form of the unitaries in <paramref name="instructions"/>[start..end) (measures and resets are skipped).</summary>
    public static List<Instruction> Fuse(List<Instruction> instructions, int start, int end, int qubitCount)
    {
        var pending = new Matrix2?[Math.Max(1, qubitCount)];
        var fused = new List<Instruction>(end - start);
        for (var i = start; i < end; i++)
        {
            var instruction = instructions[i];
            switch (instruction.Kind)
            {
                case InstructionKind.Unitary when instruction.Control0 < 0:
                    var target = instruction.Target;
                    pending[target] = pending[target] is { } earlier ? Multiply(instruction.Matrix, earlier) : instruction.Matrix;
                    break;
                case InstructionKind.Unitary or InstructionKind.Swap:
                    Flush(pending, instruction.Target, fused);
                    Flush(pending, instruction.Control0, fused);
                    Flush(pending, instruction.Control1, fused);
                    fused.Add(instruction);
                    break;
            }
        }

        for (var qubit = 0; qubit < pending.Length; qubit++)
        {
            Flush(pending, qubit, fused);
        }

        return fused;
    }

    /// <summary>later · earlier: the matrix of applying <paramref name="earlier"/> first.</summary>
    public static Matrix2 Multiply(in Matrix2 later, in Matrix2 earlier) => new(
        (later.M00 * earlier.M00) + (later.M01 * earlier.M10),
        (later.M00 * earlier.M01) + (later.M01 * earlier.M11),
        (later.M10 * earlier.M00) + (later.M11 * earlier.M10),
        (later.M10 * earlier.M01) + (later.M11 * earlier.M11));

    private static void Flush(Matrix2?[] pending, int qubit, List<Instruction> fused)
    {
        if (qubit < 0 || pending[qubit] is not { } matrix)
        {
            return;
        }

        pending[qubit] = null;
        if (!IsIdentity(matrix))
        {
            fused.Add(Instruction.Unitary(qubit, matrix));
        }
    }

    private static bool IsIdentity(in Matrix2 matrix) =>
        matrix.M00 == Complex.One && matrix.M11 == Complex.One && matrix.M01 == Complex.Zero && matrix.M10 == Complex.Zero;
}
