using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SpankQrun.Simulator.Kernels;

/// <summary>SWAP: exchanges the amplitudes where exactly one of the two qubits is set.</summary>
internal readonly struct SwapGate : IAmplitudeQuadOperator<SwapGate>
{
    public static SwapGate Create() => default;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Invoke(ref Complex a00, ref Complex a01, ref Complex a10, ref Complex a11) => (a01, a10) = (a10, a01);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Invoke(ref Vector128<double> a00, ref Vector128<double> a01, ref Vector128<double> a10, ref Vector128<double> a11) =>
        (a01, a10) = (a10, a01);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Invoke(ref Vector256<double> a00, ref Vector256<double> a01, ref Vector256<double> a10, ref Vector256<double> a11) =>
        (a01, a10) = (a10, a01);
}
