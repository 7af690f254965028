using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SpankQrun.Simulator.Kernels;

internal static partial class StateKernels
{
    /// <summary>Applies a two-qubit <paramref name="gate"/> with <paramref name="first"/> as bit b0 and <paramref name="second"/> as b1.</summary>
    public static unsafe void ApplyTwoQubit<TGate>(
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

        var copy = gate;
        var length = state.Length;
        fixed (Complex* pointer = state)
        {
            var address = (nint)pointer;
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = count }, part =>
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
            ref var doubles = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(state));
            for (var j = start; j < end; j += 2)
            {
                var i00 = InsertZeroBits(j, positions);
                var a00 = Vector256.LoadUnsafe(ref doubles, (nuint)(2 * i00));
                var a01 = Vector256.LoadUnsafe(ref doubles, (nuint)(2 * (i00 | stride0)));
                var a10 = Vector256.LoadUnsafe(ref doubles, (nuint)(2 * (i00 | stride1)));
                var a11 = Vector256.LoadUnsafe(ref doubles, (nuint)(2 * (i00 | stride0 | stride1)));
                gate.Invoke(ref a00, ref a01, ref a10, ref a11);
                a00.StoreUnsafe(ref doubles, (nuint)(2 * i00));
                a01.StoreUnsafe(ref doubles, (nuint)(2 * (i00 | stride0)));
                a10.StoreUnsafe(ref doubles, (nuint)(2 * (i00 | stride1)));
                a11.StoreUnsafe(ref doubles, (nuint)(2 * (i00 | stride0 | stride1)));
            }
        }
        else if (path != KernelPath.Scalar && Vector128.IsHardwareAccelerated)
        {
            ref var doubles = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(state));
            for (var j = start; j < end; j++)
            {
                var i00 = InsertZeroBits(j, positions);
                var a00 = Vector128.LoadUnsafe(ref doubles, (nuint)(2 * i00));
                var a01 = Vector128.LoadUnsafe(ref doubles, (nuint)(2 * (i00 | stride0)));
                var a10 = Vector128.LoadUnsafe(ref doubles, (nuint)(2 * (i00 | stride1)));
                var a11 = Vector128.LoadUnsafe(ref doubles, (nuint)(2 * (i00 | stride0 | stride1)));
                gate.Invoke(ref a00, ref a01, ref a10, ref a11);
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
}
