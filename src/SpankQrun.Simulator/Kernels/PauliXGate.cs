using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SpankQrun.Simulator.Binding;

namespace SpankQrun.Simulator.Kernels;

/// <summary>The bit flip X (and, under a control, CX and CCX): exchanges a0 and a1.</summary>
internal readonly struct PauliXGate : IAmplitudePairOperator<PauliXGate>
{
    public static PauliXGate Create(in Matrix2 matrix) => default;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Invoke(ref Complex a0, ref Complex a1) => (a0, a1) = (a1, a0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Invoke(ref Vector128<double> a0, ref Vector128<double> a1) => (a0, a1) = (a1, a0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Invoke(ref Vector256<double> a0, ref Vector256<double> a1) => (a0, a1) = (a1, a0);
}
