using System.Numerics;
using System.Runtime.Intrinsics;
using SpankQrun.Simulator.Binding;

namespace SpankQrun.Simulator.Kernels;

/// <summary>
/// A single-qubit gate applied to the amplitude pair (a0, a1) that differ only in the target bit.
/// Vector forms hold interleaved (re, im) doubles: one amplitude per <see cref="Vector128{T}"/>, two per <see cref="Vector256{T}"/>.
/// Gates are instances because parameterised gates carry their matrix; the static factory lets drivers build one generically.
/// </summary>
internal interface IAmplitudePairOperator<TSelf>
    where TSelf : struct, IAmplitudePairOperator<TSelf>
{
    static abstract TSelf Create(in Matrix2 matrix);

    void Invoke(ref Complex a0, ref Complex a1);

    void Invoke(ref Vector128<double> a0, ref Vector128<double> a1);

    void Invoke(ref Vector256<double> a0, ref Vector256<double> a1);
}
