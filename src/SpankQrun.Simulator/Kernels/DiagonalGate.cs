using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SpankQrun.Simulator.Binding;

namespace SpankQrun.Simulator.Kernels;

/// <summary>A diagonal unitary (rz, p, z, s, t, ...): a0' = d0·a0, a1' = d1·a1.</summary>
internal readonly struct DiagonalGate : IAmplitudePairOperator<DiagonalGate>
{
    private readonly Complex _d0, _d1;
    private readonly Vector256<double> _r0, _i0, _r1, _i1;
    private readonly Vector128<double> _s0, _j0, _s1, _j1;

    private DiagonalGate(in Matrix2 matrix)
    {
        _d0 = matrix.M00;
        _d1 = matrix.M11;
        (_r0, _i0) = ComplexVector.Broadcast256(_d0);
        (_r1, _i1) = ComplexVector.Broadcast256(_d1);
        (_s0, _j0) = ComplexVector.Broadcast128(_d0);
        (_s1, _j1) = ComplexVector.Broadcast128(_d1);
    }

    public static DiagonalGate Create(in Matrix2 matrix) => new(matrix);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Invoke(ref Complex a0, ref Complex a1)
    {
        a0 *= _d0;
        a1 *= _d1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Invoke(ref Vector128<double> a0, ref Vector128<double> a1)
    {
        a0 = ComplexVector.Multiply(_s0, _j0, a0);
        a1 = ComplexVector.Multiply(_s1, _j1, a1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Invoke(ref Vector256<double> a0, ref Vector256<double> a1)
    {
        a0 = ComplexVector.Multiply(_r0, _i0, a0);
        a1 = ComplexVector.Multiply(_r1, _i1, a1);
    }
}
