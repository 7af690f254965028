using System.Numerics;
using SpankQrun.Simulator.Binding;

namespace SpankQrun.Simulator.Execution;

/// <summary>
/// Fuses gates into fewer passes over the state. One-qubit gates on a qubit are multiplied into that qubit's pending
/// 2×2 matrix. A two-qubit gate (one control, or swap) opens a two-qubit block on its pair that takes in the pending
/// matrices of both qubits and every later gate on those two qubits only; the block is applied (as one 4×4 pass) when
/// a gate touches one of its qubits together with another qubit, or at the end. A one-control diagonal gate (cp, cz,
/// crz) opens a diagonal run instead: later diagonal gates that share its pivot qubit, and diagonal one-qubit gates on
/// its qubits, join it, so a QFT step (h, then a cp from every lower qubit) is one <see cref="PivotDiagonal"/> pass; a
/// run that stays on two qubits becomes a two-qubit block. A block of a single gate is applied as that gate (its own
/// kernel is cheaper than a dense pass), and so is a block of a few (<see cref="SmallBlockGates"/>) unless
/// <see cref="DenseSmallBlocks"/>; a pending matrix that came out as the identity is dropped. Gates on
/// disjoint qubits commute, and so do diagonal gates, so the result equals gate-by-gate application up to rounding.
/// </summary>
internal static class GateFusion
{
    /// <summary>Blocks of at most this many gates are applied gate by gate unless <see cref="DenseSmallBlocks"/> says otherwise.</summary>
    public const int SmallBlockGates = 3;

    /// <summary>
    /// Whether a block of a few gates (a cx with the pending one-qubit gates of its pair, say) pays as one dense 4×4
    /// pass: only where a pass is bound by memory and not by arithmetic, on several threads over a state past 2^22
    /// amplitudes. Measured on a random U / rz / cx circuit (3 December, 2 cores): applying such blocks gate by gate
    /// took 40 → 26 ms at 16 qubits, 38 → 27 ms at 20 (20 → 14 on two threads), 55 → 48 ms at 22 and 255 → 230 ms at 24
    /// on one thread, but 141 → 155 ms at 24 qubits on two.
    /// </summary>
    public static bool DenseSmallBlocks(int qubitCount, int threads) => qubitCount > 22 && threads > 1;

    /// <summary>
    /// The fused form of the unitaries in <paramref name="instructions"/>[start..end) (measures and resets are skipped);
    /// <paramref name="denseSmallBlocks"/> as <see cref="DenseSmallBlocks"/> gives for the state it will run on.
    /// </summary>
    public static List<Instruction> Fuse(List<Instruction> instructions, int start, int end, int qubitCount, bool denseSmallBlocks)
    {
        var fuser = new Fuser(Math.Max(1, qubitCount), end - start, denseSmallBlocks);
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

    private static bool IsControlledDiagonal(in Instruction instruction) =>
        instruction.Kind == InstructionKind.Unitary && instruction.Control0 >= 0 && instruction.Control1 < 0 && instruction.Matrix.IsDiagonal;

    private sealed class Fuser(int qubitCount, int capacity, bool denseSmallBlocks)
    {
        private readonly Matrix2?[] _pending = new Matrix2?[qubitCount];
        private readonly Block?[] _blocks = new Block?[qubitCount];
        private readonly List<Instruction> _fused = new(capacity);
        private DiagonalRun? _run;

        public void OneQubit(in Instruction instruction)
        {
            var target = instruction.Target;
            if (_run is { } run && run.Touches(target))
            {
                if (instruction.Matrix.IsDiagonal)
                {
                    run.Add(instruction);
                    return;
                }

                if (run.Qubits.Count == 2)
                {
                    RunToBlock(run);
                }
                else
                {
                    FlushRun();
                }
            }

            if (_blocks[target] is { } block)
            {
                block.Add(instruction);
                return;
            }

            _pending[target] = _pending[target] is { } earlier ? Multiply(instruction.Matrix, earlier) : instruction.Matrix;
        }

        public void TwoQubit(in Instruction instruction, int first, int second)
        {
            if (_run is { Qubits.Count: 2 } pair && pair.Touches(first) && pair.Touches(second))
            {
                if (IsControlledDiagonal(instruction))
                {
                    pair.Add(instruction);
                    return;
                }

                RunToBlock(pair);
            }

            if (_blocks[first] is { } open && open == _blocks[second])
            {
                open.Add(instruction);
                return;
            }

            Flush(_blocks[first]);
            Flush(_blocks[second]);
            if (IsControlledDiagonal(instruction) && TryRun(instruction, first, second))
            {
                return;
            }

            if (_run is { } run && (run.Touches(first) || run.Touches(second)))
            {
                FlushRun();
            }

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
                    if (_run is { } run && run.Touches(qubit))
                    {
                        FlushRun();
                    }

                    Flush(_blocks[qubit]);
                    FlushPending(qubit);
                }
            }

            _fused.Add(instruction);
        }

        public List<Instruction> Finish()
        {
            FlushRun();
            for (var qubit = 0; qubit < _pending.Length; qubit++)
            {
                Flush(_blocks[qubit]);
                FlushPending(qubit);
            }

            return _fused;
        }

        /// <summary>
        /// Adds a one-control diagonal gate (its qubits in no block) to the open run if it shares the run's pivot, else
        /// opens a run on it; false (nothing done) when both qubits have a non-diagonal matrix pending: a two-qubit block
        /// takes both in, a run only the pivot's.
        /// </summary>
        private bool TryRun(in Instruction instruction, int first, int second)
        {
            if (_run is { } run && run.TryPivot(first, second))
            {
                foreach (var qubit in (ReadOnlySpan<int>)[first, second])
                {
                    if (!run.Touches(qubit))
                    {
                        Join(run, qubit);
                    }
                }

                run.Add(instruction);
                return true;
            }

            var dense = (ReadOnlySpan<bool>)[_pending[first] is { IsDiagonal: false }, _pending[second] is { IsDiagonal: false }];
            if (dense[0] && dense[1])
            {
                return false;
            }

            FlushRun();
            var pivot = dense[0] ? first : dense[1] ? second : -1;
            var opened = new DiagonalRun(first, second, pivot);
            if (pivot >= 0)
            {
                opened.Add(Instruction.Unitary(pivot, _pending[pivot]!.Value));
                _pending[pivot] = null;
            }

            Join(opened, first);
            Join(opened, second);
            opened.Add(instruction);
            _run = opened;
            return true;
        }

        /// <summary>Brings <paramref name="qubit"/> into <paramref name="run"/>: a diagonal pending matrix joins it, any other goes first.</summary>
        private void Join(DiagonalRun run, int qubit)
        {
            if (_pending[qubit] is { IsDiagonal: true } diagonal)
            {
                _pending[qubit] = null;
                if (!IsIdentity(diagonal))
                {
                    run.Add(Instruction.Unitary(qubit, diagonal));
                }
            }
            else
            {
                FlushPending(qubit);
            }

            run.Touch(qubit);
        }

        /// <summary>A run on two qubits continues as a two-qubit block (a non-diagonal gate on its pair follows).</summary>
        private void RunToBlock(DiagonalRun run)
        {
            _run = null;
            var block = new Block(run.Qubits[0], run.Qubits[1]);
            _blocks[block.First] = _blocks[block.Second] = block;
            foreach (var gate in run.Gates)
            {
                block.Add(gate);
            }
        }

        private void FlushRun()
        {
            if (_run is not { } run)
            {
                return;
            }

            _run = null;
            if (run.Qubits.Count == 2)
            {
                RunToBlock(run);
                Flush(_blocks[run.Qubits[0]]);
                return;
            }

            var start = run.Gates[0].Matrix.IsDiagonal ? 0 : 1;
            var diagonal = new PivotDiagonal(run.Pivot, _pending.Length, start == 0 ? Matrix2.Identity : run.Gates[0].Matrix);
            for (var i = start; i < run.Gates.Count; i++)
            {
                diagonal.Add(run.Gates[i]);
            }

            _fused.Add(Instruction.Pivot(diagonal));
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
            if (block.Gates == 1 || (block.Gates <= SmallBlockGates && !denseSmallBlocks))
            {
                _fused.AddRange(block.Kept);
                return;
            }

            _fused.Add(Instruction.TwoQubitBlock(block.First, block.Second, block.Matrix));
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

        /// <summary>The block's first <see cref="SmallBlockGates"/> gates (all of them while it is small), in order.</summary>
        public List<Instruction> Kept { get; } = new(SmallBlockGates);

        public void Add(in Instruction instruction)
        {
            if (++Gates <= SmallBlockGates)
            {
                Kept.Add(instruction);
            }

            Matrix.ApplyAfter(instruction, First, Second);
        }
    }

    /// <summary>
    /// Diagonal gates since the run opened, and before them at most one dense matrix on the pivot; every two-qubit gate
    /// in it involves the pivot. The pivot stays open (-1) while the run holds one pair and no dense matrix.
    /// </summary>
    private sealed class DiagonalRun(int first, int second, int pivot)
    {
        public int Pivot { get; private set; } = pivot;

        public List<int> Qubits { get; } = new(4);

        public List<Instruction> Gates { get; } = new(8);

        public bool Touches(int qubit) => Qubits.Contains(qubit);

        public void Touch(int qubit) => Qubits.Add(qubit);

        public void Add(in Instruction instruction) => Gates.Add(instruction);

        /// <summary>Whether a diagonal gate on (<paramref name="a"/>, <paramref name="b"/>) can join: it must involve the pivot (fixed now if it was open).</summary>
        public bool TryPivot(int a, int b)
        {
            if (Pivot < 0 && (a == first || a == second || b == first || b == second))
            {
                Pivot = a == first || a == second ? a : b;
            }

            return Pivot >= 0 && (a == Pivot || b == Pivot);
        }
    }
}
