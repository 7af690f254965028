using System.Numerics;

namespace SpankQrun.Simulator.Kernels;

internal static partial class StateKernels
{
    /// <summary>Applies <paramref name="gate"/> to <paramref name="target"/> where every qubit in <paramref name="controls"/> is 1.</summary>
    public static void ApplyControlled<TGate>(
        Span<Complex> state, ReadOnlySpan<int> controls, int target, in TGate gate, KernelPath path = KernelPath.Auto, int threads = 1)
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
        SortFew(positions);
        ApplyPairs(state, positions, controlMask, (nint)1 << target, gate, path, threads);
    }
}
