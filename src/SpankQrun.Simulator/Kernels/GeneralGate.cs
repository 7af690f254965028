using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SpankQrun.Simulator.Binding;

namespace SpankQrun.Simulator.Kernels;

/// <summary>Any 2x2 unitary: a0' = m00·a0 + m01·a1, a1' = m10·a0 + m11·a1.</summary>
internal readonly struct GeneralGate : IAmplitudePairOperator<GeneralGate>
{
    private readonly Matrix2 _matrix;
    private readonly Vector256<double> _r00, _i00, _r01, _i01, _r10, _i10, _r11, _i11;
    private readonly Vector128<double> _s00, _j00, _s01, _j01, _s10, _j10, _s11, _j11;

    private GeneralGate(in Matrix2 matrix)
    {
        _matrix = matrix;
        (_r00, _i00) = ComplexVector.Broadcast256(matrix.M00);
        (_r01, _i01) = ComplexVector.Broadcast256(matrix.M01);
        (_r10, _i10) = ComplexVector.Broadcast256(matrix.M10);
        (_r11, _i11) = ComplexVector.Broadcast256(matrix.M11);
        (_s00, _j00) = ComplexVector.Broadcast128(matrix.M00);
        (_s01, _j01) = ComplexVector.Broadcast128(matrix.M01);
        (_s10, _j10) = ComplexVector.Broadcast128(matrix.M10);
        (_s11, _j11) = ComplexVector.Broadcast128(matrix.M11);
    }

    public static GeneralGate Create(in Matrix2 matrix) => new(matrix);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Invoke(ref Complex a0, ref Complex a1)
    {
        var x0 = a0;
        var x1 = a1;
        a0 = (_matrix.M00 * x0) + (_matrix.M01 * x1);
        a1 = (_matrix.M10 * x0) + (_matrix.M11 * x1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Invoke(ref Vector128<double> a0, ref Vector128<double> a1)
    {
        var x0 = a0;
        var x1 = a1;
        a0 = ComplexVector.MultiplyAdd(_s00, _j00, x0, ComplexVector.Multiply(_s01, _j01, x1));
        a1 = ComplexVector.MultiplyAdd(_s10, _j10, x0, ComplexVector.Multiply(_s11, _j11, x1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Invoke(ref Vector256<double> a0, ref Vector256<double> a1)
    {
        var x0 = a0;
        var x1 = a1;
        a0 = ComplexVector.MultiplyAdd(_r00, _i00, x0, ComplexVector.Multiply(_r01, _i01, x1));
        a1 = ComplexVector.MultiplyAdd(_r10, _i10, x0, ComplexVector.Multiply(_r11, _i11, x1));
    }
}
