using System.Numerics;
using System.Runtime.Intrinsics;

namespace SpankQrun.Simulator.Kernels;

/// <summary>
/// A two-qubit gate applied to the four amplitudes a{b1}{b0} that differ only in the bits of its first (b0) and
/// second (b1) qubit. Vector forms as in <see cref="IAmplitudePairOperator{TSelf}"/>.
/// </summary>
internal interface IAmplitudeQuadOperator<TSelf>
    where TSelf : struct, IAmplitudeQuadOperator<TSelf>
{
    static abstract TSelf Create();

    void Invoke(ref Complex a00, ref Complex a01, ref Complex a10, ref Complex a11);

    void Invoke(ref Vector128<double> a00, ref Vector128<double> a01, ref Vector128<double> a10, ref Vector128<double> a11);

    void Invoke(ref Vector256<double> a00, ref Vector256<double> a01, ref Vector256<double> a10, ref Vector256<double> a11);
}
