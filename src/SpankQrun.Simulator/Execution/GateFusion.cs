using System.Numerics;
using SpankQrun.Simulator.Binding;

namespace SpankQrun.Simulator.Execution;

/// <summary>
/// Fuses gates into fewer passes over the state. One-qubit gates on a qubit are multiplied into that qubit's pending
/// 2×2 matrix. A two-qubit gate (one control, or swap) opens a two-qubit block on its pair that takes in the pending
/// matrices of both qubits and every later gate on those two qubits only; the block is applied (as one 4×4 pass) when
/// a gate touches one of its qubits together with another qubit, or at the end. A block of a single gate is applied as
/// that gate (its own kernel is cheaper than a dense pass), and a pending matrix that came out as the identity is
/// dropped. Gates on disjoint qubits commute, so the result equals gate-by-gate application up to rounding.
/// </summary>
internal static class GateFusion
{
    /// <summary>The fused form of the unitaries in <paramref name="instructions"/>[start..end) (measures and resets are skipped).</summary>
    public static List<Instruction> Fuse(List<Instruction> instructions, int start, int end, int qubitCount)
    {
        var fuser = new Fuser(Math.Max(1, qubitCount), end - start);
        for (var i = start; i < end; i++)
        {
            var instruction = instructions[i];
            switch (instruction.Kind)
            {
                case InstructionKind.Unitary when instruction.Control0 < 0:
                    fuser.OneQubit(instruction);
                    break;
                case InstructionKind.Unitary when instruction.Control1 < 0:
                    fuser.TwoQubit(instruction, instruction.Control0, instruction.Target);
                    break;
                case InstructionKind.Swap:
                    fuser.TwoQubit(instruction, instruction.Target, instruction.Control0);
                    break;
                case InstructionKind.Unitary or InstructionKind.TwoQubitBlock:
                    fuser.Alone(instruction);
                    break;
            }
        }

        return fuser.Finish();
    }

    /// <summary>later · earlier: the matrix of applying <paramref name="earlier"/> first.</summary>
    public static Matrix2 Multiply(in Matrix2 later, in Matrix2 earlier) => new(
        (later.M00 * earlier.M00) + (later.M01 * earlier.M10),
        (later.M00 * earlier.M01) + (later.M01 * earlier.M11),
        (later.M10 * earlier.M00) + (later.M11 * earlier.M10),
        (later.M10 * earlier.M01) + (later.M11 * earlier.M11));

    private static bool IsIdentity(in Matrix2 matrix) =>
        matrix.M00 == Complex.One && matrix.M11 == Complex.One && matrix.M01 == Complex.Zero && matrix.M10 == Complex.Zero;

    private sealed class Fuser(int qubitCount, int capacity)
    {
        private readonly Matrix2?[] _pending = new Matrix2?[qubitCount];
        private readonly Block?[] _blocks = new Block?[qubitCount];
        private readonly List<Instruction> _fused = new(capacity);

        public void OneQubit(in Instruction instruction)
        {
            var target = instruction.Target;
            if (_blocks[target] is { } block)
            {
                block.Add(instruction);
                return;
            }

            _pending[target] = _pending[target] is { } earlier ? Multiply(instruction.Matrix, earlier) : instruction.Matrix;
        }

        public void TwoQubit(in Instruction instruction, int first, int second)
        {
            if (_blocks[first] is { } open && open == _blocks[second])
            {
                open.Add(instruction);
                return;
            }

            Flush(_blocks[first]);
            Flush(_blocks[second]);
            var block = new Block(first, second);
            _blocks[first] = _blocks[second] = block;
            TakePending(first, block);
            TakePending(second, block);
            block.Add(instruction);
        }

        /// <summary>A gate that joins no block (two controls): everything pending on its qubits goes first.</summary>
        public void Alone(in Instruction instruction)
        {
            foreach (var qubit in (ReadOnlySpan<int>)[instruction.Target, instruction.Control0, instruction.Control1])
            {
                if (qubit >= 0)
                {
                    Flush(_blocks[qubit]);
                    FlushPending(qubit);
                }
            }

            _fused.Add(instruction);
        }

        public List<Instruction> Finish()
        {
            for (var qubit = 0; qubit < _pending.Length; qubit++)
            {
                Flush(_blocks[qubit]);
                FlushPending(qubit);
            }

            return _fused;
        }

        private void TakePending(int qubit, Block block)
        {
            if (_pending[qubit] is { } matrix)
            {
                _pending[qubit] = null;
                if (!IsIdentity(matrix))
                {
                    block.Add(Instruction.Unitary(qubit, matrix));
                }
            }
        }

        private void Flush(Block? block)
        {
            if (block is null)
            {
                return;
            }

            _blocks[block.First] = _blocks[block.Second] = null;
            _fused.Add(block.Gates == 1 ? block.Only : Instruction.TwoQubitBlock(block.First, block.Second, block.Matrix));
        }

        private void FlushPending(int qubit)
        {
            if (_pending[qubit] is not { } matrix)
            {
                return;
            }

            _pending[qubit] = null;
            if (!IsIdentity(matrix))
            {
                _fused.Add(Instruction.Unitary(qubit, matrix));
            }
        }
    }

    /// <summary>The gates on one pair of qubits since the block opened, as one 4×4 matrix.</summary>
    private sealed class Block(int first, int second)
    {
        public int First { get; } = first;

        public int Second { get; } = second;

        public Matrix4 Matrix { get; } = Matrix4.Identity();

        public int Gates { get; private set; }

        /// <summary>The first gate (the whole block when <see cref="Gates"/> is 1).</summary>
        public Instruction Only { get; private set; }

        public void Add(in Instruction instruction)
        {
            if (++Gates == 1)
            {
                Only = instruction;
            }

            Matrix.ApplyAfter(instruction, First, Second);
        }
    }
}
