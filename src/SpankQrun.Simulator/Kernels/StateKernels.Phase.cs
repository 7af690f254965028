using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SpankQrun.Simulator.Kernels;

internal static partial class StateKernels
{
    /// <summary>
    /// Multiplies by <paramref name="phase"/> every amplitude whose bits in <paramref name="qubits"/> are all 1: the
    /// phase gates p, s, t, z and their controlled forms (cp, cz, ccz), which leave every other amplitude alone. Only
    /// the amplitudes that change are read and written (a quarter of the state for cp).
    /// </summary>
    public static void ApplyPhase(Span<Complex> state, ReadOnlySpan<int> qubits, Complex phase, KernelPath path = KernelPath.Auto, int threads = 1)
    {
        var qubitCount = CheckState(state);
        if (qubits.Length is 0 or > 3)
        {
            throw new ArgumentException($"expected 1 to 3 qubits, found {qubits.Length}", nameof(qubits));
        }

        Span<int> positions = stackalloc int[qubits.Length];
        nint mask = 0;
        for (var i = 0; i < qubits.Length; i++)
        {
            CheckQubit(qubits[i], qubitCount, nameof(qubits));
            if ((mask & ((nint)1 << qubits[i])) != 0)
            {
                throw new ArgumentException($"qubit {qubits[i]} appears twice", nameof(qubits));
            }

            mask |= (nint)1 << qubits[i];
            positions[i] = qubits[i];
        }

        SortFew(positions);
        var entries = (nint)state.Length >> positions.Length;
        var count = ThreadsFor(state.Length, threads);
        if (count <= 1)
        {
            PhaseRange(state, positions, mask, phase, path, 0, entries);
            return;
        }

        PhaseOnThreads(state, positions, mask, phase, path, entries, count);
    }

    /// <summary>The threaded part of <see cref="ApplyPhase"/>, apart so that one-thread calls allocate no closure.</summary>
    private static unsafe void PhaseOnThreads(Span<Complex> state, ReadOnlySpan<int> positions, nint mask, Complex phase, KernelPath path, nint entries, int count)
    {
        var sortedPositions = positions.ToArray();
        var length = state.Length;
        fixed (Complex* pointer = state)
        {
            var address = (nint)pointer;
            ThreadTeam.For(count, part =>
            {
                var (start, end) = Chunk(entries, count, part);
                PhaseRange(new Span<Complex>((void*)address, length), sortedPositions, mask, phase, path, start, end);
            });
        }
    }

    private static void PhaseRange(Span<Complex> state, ReadOnlySpan<int> positions, nint mask, Complex phase, KernelPath path, nint start, nint end)
    {
        var run = (nint)1 << positions[0];
        if (path == KernelPath.Auto && Vector256.IsHardwareAccelerated && positions[0] >= 1)
        {
            ref var doubles = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(state));
            var (real, signedImaginary) = ComplexVector.Broadcast256(phase);
            var inserter = new ZeroBitInserter(positions);
            for (var j = start; j < end;)
            {
                var runEnd = Math.Min((j | (run - 1)) + 1, end);
                var first = (nuint)(2 * (inserter.Insert(j) | mask));
                var last = first + (nuint)(2 * (runEnd - j));
                for (var index = first; index < last; index += 4)
                {
                    var a = Vector256.LoadUnsafe(ref doubles, index);
                    ComplexVector.Multiply(real, signedImaginary, a).StoreUnsafe(ref doubles, index);
                }

                j = runEnd;
            }
        }
        else if (path != KernelPath.Scalar && Vector128.IsHardwareAccelerated)
        {
            ref var doubles = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(state));
            var (real, signedImaginary) = ComplexVector.Broadcast128(phase);
            var inserter = new ZeroBitInserter(positions);
            for (var j = start; j < end; j++)
            {
                var index = (nuint)(2 * (inserter.Insert(j) | mask));
                var a = Vector128.LoadUnsafe(ref doubles, index);
                ComplexVector.Multiply(real, signedImaginary, a).StoreUnsafe(ref doubles, index);
            }
        }
        else
        {
            for (var j = start; j < end; j++)
            {
                state[(int)(InsertZeroBits(j, positions) | mask)] *= phase;
            }
        }
    }
}
