using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SpankQrun.Simulator.Kernels;

internal static partial class StateKernels
{
    public static void ApplySingleQubit<TGate>(Span<Complex> state, int target, in TGate gate, KernelPath path = KernelPath.Auto)
        where TGate : struct, IAmplitudePairOperator<TGate>
    {
        var qubitCount = CheckState(state);
        CheckQubit(target, qubitCount, nameof(target));
        var stride = 1 << target;
        var length = state.Length;

        if (path == KernelPath.Auto && Vector256.IsHardwareAccelerated && target >= 1)
        {
            ref var doubles = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(state));
            var offset = (nuint)(2 * stride);
            for (var block = 0; block < length; block += 2 * stride)
            {
                for (var i = block; i < block + stride; i += 2)
                {
                    ApplyPair256(ref doubles, (nuint)(2 * i), offset, gate);
                }
            }
        }
        else if (path != KernelPath.Scalar && Vector128.IsHardwareAccelerated)
        {
            ref var doubles = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(state));
            var offset = (nuint)(2 * stride);
            for (var block = 0; block < length; block += 2 * stride)
            {
                for (var i = block; i < block + stride; i++)
                {
                    ApplyPair128(ref doubles, (nuint)(2 * i), offset, gate);
                }
            }
        }
        else
        {
            for (var block = 0; block < length; block += 2 * stride)
            {
                for (var i = block; i < block + stride; i++)
                {
                    gate.Invoke(ref state[i], ref state[i + stride]);
                }
            }
        }
    }
}
