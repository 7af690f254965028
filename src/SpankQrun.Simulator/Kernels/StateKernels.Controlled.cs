using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SpankQrun.Simulator.Kernels;

internal static partial class StateKernels
{
    /// <summary>Applies <paramref name="gate"/> to <paramref name="target"/> where every qubit in <paramref name="controls"/> is 1.</summary>
    public static void ApplyControlled<TGate>(
        Span<Complex> state, ReadOnlySpan<int> controls, int target, in TGate gate, KernelPath path = KernelPath.Auto)
        where TGate : struct, IAmplitudePairOperator<TGate>
    {
        var qubitCount = CheckState(state);
        CheckQubit(target, qubitCount, nameof(target));
        if (controls.Length is 0 or > 2)
        {
            throw new ArgumentException($"expected 1 or 2 controls, found {controls.Length}", nameof(controls));
        }

        Span<int> positions = stackalloc int[controls.Length + 1];
        nint controlMask = 0;
        for (var i = 0; i < controls.Length; i++)
        {
            CheckQubit(controls[i], qubitCount, nameof(controls));
            if (controls[i] == target || (controlMask & ((nint)1 << controls[i])) != 0)
            {
                throw new ArgumentException($"control qubit {controls[i]} repeats a control or the target", nameof(controls));
            }

            controlMask |= (nint)1 << controls[i];
            positions[i] = controls[i];
        }

        positions[^1] = target;
        positions.Sort();
        var stride = (nint)1 << target;
        var pairs = (nint)state.Length >> positions.Length;

        if (path == KernelPath.Auto && Vector256.IsHardwareAccelerated && positions[0] >= 1)
        {
            ref var doubles = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(state));
            for (nint j = 0; j < pairs; j += 2)
            {
                var index = (nuint)(2 * (InsertZeroBits(j, positions) | controlMask));
                var offset = (nuint)(2 * stride);
                var a0 = Vector256.LoadUnsafe(ref doubles, index);
                var a1 = Vector256.LoadUnsafe(ref doubles, index + offset);
                gate.Invoke(ref a0, ref a1);
                a0.StoreUnsafe(ref doubles, index);
                a1.StoreUnsafe(ref doubles, index + offset);
            }
        }
        else if (path != KernelPath.Scalar && Vector128.IsHardwareAccelerated)
        {
            ref var doubles = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(state));
            for (nint j = 0; j < pairs; j++)
            {
                var index = (nuint)(2 * (InsertZeroBits(j, positions) | controlMask));
                var offset = (nuint)(2 * stride);
                var a0 = Vector128.LoadUnsafe(ref doubles, index);
                var a1 = Vector128.LoadUnsafe(ref doubles, index + offset);
                gate.Invoke(ref a0, ref a1);
                a0.StoreUnsafe(ref doubles, index);
                a1.StoreUnsafe(ref doubles, index + offset);
            }
        }
        else
        {
            for (nint j = 0; j < pairs; j++)
            {
                var index = InsertZeroBits(j, positions) | controlMask;
                gate.Invoke(ref state[(int)index], ref state[(int)(index + stride)]);
            }
        }
    }
}
