using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SpankQrun.Simulator.Kernels;

internal static partial class StateKernels
{
    /// <summary>Applies a two-qubit <paramref name="gate"/> with <paramref name="first"/> as bit b0 and <paramref name="second"/> as b1.</summary>
    public static void ApplyTwoQubit<TGate>(
        Span<Complex> state, int first, int second, in TGate gate, KernelPath path = KernelPath.Auto, int threads = 1)
        where TGate : struct, IAmplitudeQuadOperator<TGate>
    {
        var qubitCount = CheckState(state);
        CheckQubit(first, qubitCount, nameof(first));
        CheckQubit(second, qubitCount, nameof(second));
        if (first == second)
        {
            throw new ArgumentException($"the two qubits must differ, found {first} twice", nameof(second));
        }

        var quads = (nint)state.Length >> 2;
        var count = ThreadsFor(state.Length, threads);
        if (count <= 1)
        {
            QuadRange(state, first, second, gate, path, 0, quads);
            return;
        }

        QuadsOnThreads(state, first, second, gate, path, quads, count);
    }

    /// <summary>The threaded part of <see cref="ApplyTwoQubit"/>, apart so that one-thread calls allocate no closure.</summary>
    private static unsafe void QuadsOnThreads<TGate>(Span<Complex> state, int first, int second, in TGate gate, KernelPath path, nint quads, int count)
        where TGate : struct, IAmplitudeQuadOperator<TGate>
    {
        var copy = gate;
        var length = state.Length;
        fixed (Complex* pointer = state)
        {
            var address = (nint)pointer;
            ThreadTeam.For(count, part =>
            {
                var (start, end) = Chunk(quads, count, part);
                QuadRange(new Span<Complex>((void*)address, length), first, second, copy, path, start, end);
            });
        }
    }

    private static void QuadRange<TGate>(Span<Complex> state, int first, int second, in TGate gate, KernelPath path, nint start, nint end)
        where TGate : struct, IAmplitudeQuadOperator<TGate>
    {
        ReadOnlySpan<int> positions = first < second ? [first, second] : [second, first];
        var stride0 = (nint)1 << first;
        var stride1 = (nint)1 << second;
        if (path == KernelPath.Auto && Vector256.IsHardwareAccelerated && positions[0] >= 1)
        {
            QuadRange256(state, positions, stride0, stride1, gate, start, end);
        }
        else if (path != KernelPath.Scalar && Vector128.IsHardwareAccelerated)
        {
            ref var doubles = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(state));
            var local = gate;
            var inserter = new ZeroBitInserter(positions);
            for (var j = start; j < end; j++)
            {
                var i00 = inserter.Insert(j);
                var a01 = Vector128.LoadUnsafe(ref doubles, (nuint)(2 * (i00 | stride0)));
                var a10 = Vector128.LoadUnsafe(ref doubles, (nuint)(2 * (i00 | stride1)));
                if (typeof(TGate) == typeof(SwapGate))
                {
                    a10.StoreUnsafe(ref doubles, (nuint)(2 * (i00 | stride0)));
                    a01.StoreUnsafe(ref doubles, (nuint)(2 * (i00 | stride1)));
                    continue;
                }

                var a00 = Vector128.LoadUnsafe(ref doubles, (nuint)(2 * i00));
                var a11 = Vector128.LoadUnsafe(ref doubles, (nuint)(2 * (i00 | stride0 | stride1)));
                local.Invoke(ref a00, ref a01, ref a10, ref a11);
                a00.StoreUnsafe(ref doubles, (nuint)(2 * i00));
                a01.StoreUnsafe(ref doubles, (nuint)(2 * (i00 | stride0)));
                a10.StoreUnsafe(ref doubles, (nuint)(2 * (i00 | stride1)));
                a11.StoreUnsafe(ref doubles, (nuint)(2 * (i00 | stride0 | stride1)));
            }
        }
        else
        {
            for (var j = start; j < end; j++)
            {
                var i00 = InsertZeroBits(j, positions);
                gate.Invoke(
                    ref state[(int)i00],
                    ref state[(int)(i00 | stride0)],
                    ref state[(int)(i00 | stride1)],
                    ref state[(int)(i00 | stride0 | stride1)]);
            }
        }
    }

    /// <summary>Two quads per <see cref="Vector256{T}"/>: every position is above bit 0, so the range's bounds are even.</summary>
    private static void QuadRange256<TGate>(
        Span<Complex> state, ReadOnlySpan<int> positions, nint stride0, nint stride1, in TGate gate, nint start, nint end)
        where TGate : struct, IAmplitudeQuadOperator<TGate>
    {
        ref var doubles = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(state));
        var local = gate;
        var inserter = new ZeroBitInserter(positions);
        var (offset01, offset10) = ((nuint)(2 * stride0), (nuint)(2 * stride1));
        var offset11 = offset01 + offset10;

        // Quads j .. j + run - 1 (j a multiple of run) start at consecutive amplitudes: index arithmetic once per run.
        var run = (nint)1 << positions[0];
        for (var j = start; j < end;)
        {
            var runEnd = Math.Min((j | (run - 1)) + 1, end);
            var first = (nuint)(2 * inserter.Insert(j));
            var last = first + (nuint)(2 * (runEnd - j));
            for (var index = first; index < last; index += 4)
            {
                var a01 = Vector256.LoadUnsafe(ref doubles, index + offset01);
                var a10 = Vector256.LoadUnsafe(ref doubles, index + offset10);
                if (typeof(TGate) == typeof(SwapGate))
                {
                    // SWAP leaves a00 and a11 alone: neither read nor written, half the memory traffic.
                    a10.StoreUnsafe(ref doubles, index + offset01);
                    a01.StoreUnsafe(ref doubles, index + offset10);
                    continue;
                }

                var a00 = Vector256.LoadUnsafe(ref doubles, index);
                var a11 = Vector256.LoadUnsafe(ref doubles, index + offset11);
                local.Invoke(ref a00, ref a01, ref a10, ref a11);
                a00.StoreUnsafe(ref doubles, index);
                a01.StoreUnsafe(ref doubles, index + offset01);
                a10.StoreUnsafe(ref doubles, index + offset10);
                a11.StoreUnsafe(ref doubles, index + offset11);
            }

            j = runEnd;
        }
    }
}
