using System.Numerics;

namespace SpankQrun.Simulator.Binding;

/// <summary>
/// A 4x4 matrix on two qubits (first, second): row and column index b0 + 2·b1, where b0 is the first qubit's bit and b1
/// the second's. Built by <see cref="Execution.GateFusion"/> from the gates of a two-qubit block.
/// </summary>
internal sealed class Matrix4
{
    private readonly Complex[] _elements = new Complex[16];

    public Complex this[int row, int column] => _elements[(row * 4) + column];

    public static Matrix4 Identity()
    {
        var identity = new Matrix4();
        for (var i = 0; i < 4; i++)
        {
            identity._elements[(i * 4) + i] = Complex.One;
        }

        return identity;
    }

    /// <summary>
    /// Applies <paramref name="instruction"/> (a unitary or swap whose qubits are among <paramref name="first"/> and
    /// <paramref name="second"/>) after this matrix, in place: this = gate · this.
    /// </summary>
    public void ApplyAfter(in Instruction instruction, int first, int second)
    {
        Span<Complex> column = stackalloc Complex[4];
        for (var c = 0; c < 4; c++)
        {
            for (var r = 0; r < 4; r++)
            {
                column[r] = _elements[(r * 4) + c];
            }

            ApplyLocal(column, instruction, first, second);
            for (var r = 0; r < 4; r++)
            {
                _elements[(r * 4) + c] = column[r];
            }
        }
    }

    /// <summary>Applies the gate to a two-qubit state (index b0 + 2·b1), as the gate-by-gate kernels do.</summary>
    private static void ApplyLocal(Span<Complex> state, in Instruction instruction, int first, int second)
    {
        int Local(int qubit) => qubit == first ? 0 : qubit == second ? 1 : throw new ArgumentException($"qubit {qubit} is not in the block ({first}, {second})");

        if (instruction.Kind == InstructionKind.Swap)
        {
            (state[1], state[2]) = (state[2], state[1]);
            return;
        }

        if (instruction.Kind != InstructionKind.Unitary || instruction.Control1 >= 0)
        {
            throw new ArgumentException($"{instruction.Kind} with two controls cannot join a two-qubit block", nameof(instruction));
        }

        var target = 1 << Local(instruction.Target);
        var controls = instruction.Control0 < 0 ? 0 : 1 << Local(instruction.Control0);
        var m = instruction.Matrix;
        for (var i = 0; i < 4; i++)
        {
            if ((i & target) != 0 || (i & controls) != controls)
            {
                continue;
            }

            var a0 = state[i];
            var a1 = state[i | target];
            state[i] = (m.M00 * a0) + (m.M01 * a1);
            state[i | target] = (m.M10 * a0) + (m.M11 * a1);
        }
    }
}
