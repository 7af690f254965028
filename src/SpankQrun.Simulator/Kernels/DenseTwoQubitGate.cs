using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SpankQrun.Simulator.Binding;

namespace SpankQrun.Simulator.Kernels;

/// <summary>Any 4x4 matrix on two qubits: a'[r] = Σc m[r, c]·a[c], index b0 + 2·b1 (a00, a01, a10, a11 = 0, 1, 2, 3).</summary>
internal readonly struct DenseTwoQubitGate : IAmplitudeQuadOperator<DenseTwoQubitGate>
{
    private readonly Complex[] _m;
    private readonly Vector256<double>[] _real256;
    private readonly Vector256<double>[] _imaginary256;
    private readonly Vector128<double>[] _real128;
    private readonly Vector128<double>[] _imaginary128;

    private DenseTwoQubitGate(Matrix4 matrix)
    {
        _m = new Complex[16];
        _real256 = new Vector256<double>[16];
        _imaginary256 = new Vector256<double>[16];
        _real128 = new Vector128<double>[16];
        _imaginary128 = new Vector128<double>[16];
        for (var i = 0; i < 16; i++)
        {
            _m[i] = matrix[i / 4, i % 4];
            (_real256[i], _imaginary256[i]) = ComplexVector.Broadcast256(_m[i]);
            (_real128[i], _imaginary128[i]) = ComplexVector.Broadcast128(_m[i]);
        }
    }

    /// <summary>The identity.</summary>
    public static DenseTwoQubitGate Create() => new(Matrix4.Identity());

    public static DenseTwoQubitGate Create(Matrix4 matrix) => new(matrix);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Invoke(ref Complex a00, ref Complex a01, ref Complex a10, ref Complex a11)
    {
        var m = _m;
        var (x0, x1, x2, x3) = (a00, a01, a10, a11);
        a00 = (m[0] * x0) + (m[1] * x1) + (m[2] * x2) + (m[3] * x3);
        a01 = (m[4] * x0) + (m[5] * x1) + (m[6] * x2) + (m[7] * x3);
        a10 = (m[8] * x0) + (m[9] * x1) + (m[10] * x2) + (m[11] * x3);
        a11 = (m[12] * x0) + (m[13] * x1) + (m[14] * x2) + (m[15] * x3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Invoke(ref Vector128<double> a00, ref Vector128<double> a01, ref Vector128<double> a10, ref Vector128<double> a11)
    {
        var (r, i) = (_real128, _imaginary128);
        var (x0, x1, x2, x3) = (a00, a01, a10, a11);
        a00 = Row(r, i, 0, x0, x1, x2, x3);
        a01 = Row(r, i, 4, x0, x1, x2, x3);
        a10 = Row(r, i, 8, x0, x1, x2, x3);
        a11 = Row(r, i, 12, x0, x1, x2, x3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Invoke(ref Vector256<double> a00, ref Vector256<double> a01, ref Vector256<double> a10, ref Vector256<double> a11)
    {
        var (r, i) = (_real256, _imaginary256);
        var (x0, x1, x2, x3) = (a00, a01, a10, a11);
        a00 = Row(r, i, 0, x0, x1, x2, x3);
        a01 = Row(r, i, 4, x0, x1, x2, x3);
        a10 = Row(r, i, 8, x0, x1, x2, x3);
        a11 = Row(r, i, 12, x0, x1, x2, x3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Row(
        Vector256<double>[] r, Vector256<double>[] i, int k, Vector256<double> x0, Vector256<double> x1, Vector256<double> x2, Vector256<double> x3) =>
        ComplexVector.Multiply(r[k], i[k], x0) + ComplexVector.Multiply(r[k + 1], i[k + 1], x1)
        + ComplexVector.Multiply(r[k + 2], i[k + 2], x2) + ComplexVector.Multiply(r[k + 3], i[k + 3], x3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> Row(
        Vector128<double>[] r, Vector128<double>[] i, int k, Vector128<double> x0, Vector128<double> x1, Vector128<double> x2, Vector128<double> x3) =>
        ComplexVector.Multiply(r[k], i[k], x0) + ComplexVector.Multiply(r[k + 1], i[k + 1], x1)
        + ComplexVector.Multiply(r[k + 2], i[k + 2], x2) + ComplexVector.Multiply(r[k + 3], i[k + 3], x3);
}
