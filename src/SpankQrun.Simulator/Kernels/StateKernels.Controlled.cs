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
                ApplyPair256(ref doubles, (nuint)(2 * (InsertZeroBits(j, positions) | controlMask)), (nuint)(2 * stride), gate);
            }
        }
        else if (path != KernelPath.Scalar && Vector128.IsHardwareAccelerated)
        {
            ref var doubles = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(state));
            for (nint j = 0; j < pairs; j++)
            {
                ApplyPair128(ref doubles, (nuint)(2 * (InsertZeroBits(j, positions) | controlMask)), (nuint)(2 * stride), gate);
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
