using System.Numerics;

namespace SpankQrun.Simulator.Kernels;

internal static partial class StateKernels
{
    /// <summary>Applies <paramref name="gate"/> to <paramref name="target"/>; <paramref name="threads"/> as in <see cref="ThreadsFor"/>.</summary>
    public static void ApplySingleQubit<TGate>(Span<Complex> state, int target, in TGate gate, KernelPath path = KernelPath.Auto, int threads = 1)
        where TGate : struct, IAmplitudePairOperator<TGate>
    {
        var qubitCount = CheckState(state);
        CheckQubit(target, qubitCount, nameof(target));
        ReadOnlySpan<int> positions = [target];
        ApplyPairs(state, positions, 0, (nint)1 << target, gate, path, threads);
    }
}
