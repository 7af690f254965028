using System.Numerics;

namespace SpankQrun.Simulator.Binding;

/// <summary>A 2x2 complex matrix acting on one qubit: rows are outputs (|0&gt;, |1&gt;).</summary>
internal readonly record struct Matrix2(Complex M00, Complex M01, Complex M10, Complex M11)
{
    private static readonly double InverseSqrt2 = 1 / Math.Sqrt(2);

    public static Matrix2 Identity => new(1, 0, 0, 1);

    public static Matrix2 X => new(0, 1, 1, 0);

    public static Matrix2 Y => new(0, -Complex.ImaginaryOne, Complex.ImaginaryOne, 0);

    public static Matrix2 Z => Diagonal(1, -1);

    public static Matrix2 H => new(InverseSqrt2, InverseSqrt2, InverseSqrt2, -InverseSqrt2);

    public static Matrix2 S => Diagonal(1, Complex.ImaginaryOne);

    public static Matrix2 Sdg => Diagonal(1, -Complex.ImaginaryOne);

    public static Matrix2 T => Phase(Math.PI / 4);

    public static Matrix2 Tdg => Phase(-Math.PI / 4);

    public static Matrix2 SX => new(new Complex(0.5, 0.5), new Complex(0.5, -0.5), new Complex(0.5, -0.5), new Complex(0.5, 0.5));

    public bool IsDiagonal => M01 == Complex.Zero && M10 == Complex.Zero;

    public bool IsPauliX => M00 == Complex.Zero && M11 == Complex.Zero && M01 == Complex.One && M10 == Complex.One;

    public static Matrix2 Diagonal(Complex d0, Complex d1) => new(d0, 0, 0, d1);

    public static Matrix2 Phase(double lambda) => Diagonal(1, Complex.FromPolarCoordinates(1, lambda));

    public static Matrix2 RX(double theta)
    {
        var (s, c) = Math.SinCos(theta / 2);
        return new Matrix2(c, new Complex(0, -s), new Complex(0, -s), c);
    }

    public static Matrix2 RY(double theta)
    {
        var (s, c) = Math.SinCos(theta / 2);
        return new Matrix2(c, -s, s, c);
    }

    public static Matrix2 RZ(double theta) =>
        Diagonal(Complex.FromPolarCoordinates(1, -theta / 2), Complex.FromPolarCoordinates(1, theta / 2));

    /// <summary>OpenQASM 3's built-in <c>U(θ, φ, λ)</c>.</summary>
    public static Matrix2 U(double theta, double phi, double lambda)
    {
        var (s, c) = Math.SinCos(theta / 2);
        return new Matrix2(
            c,
            -Complex.FromPolarCoordinates(s, lambda),
            Complex.FromPolarCoordinates(s, phi),
            Complex.FromPolarCoordinates(c, phi + lambda));
    }

    public Matrix2 Scale(Complex factor) => new(M00 * factor, M01 * factor, M10 * factor, M11 * factor);

    /// <summary>This matrix applied after <paramref name="first"/> (the product this × first).</summary>
    public Matrix2 After(Matrix2 first) => new(
        (M00 * first.M00) + (M01 * first.M10),
        (M00 * first.M01) + (M01 * first.M11),
        (M10 * first.M00) + (M11 * first.M10),
        (M10 * first.M01) + (M11 * first.M11));
}
