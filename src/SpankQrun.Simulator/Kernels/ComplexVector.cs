using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SpankQrun.Simulator.Kernels;

/// <summary>Complex arithmetic on vectors of interleaved (re, im) doubles.</summary>
internal static class ComplexVector
{
    /// <summary>(re, im) to (im, re) in every amplitude.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> SwapParts(Vector256<double> value) =>
        Avx.IsSupported ? Avx.Permute(value, 0b0101) : Vector256.Shuffle(value, Vector256.Create(1L, 0L, 3L, 2L));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> SwapParts(Vector128<double> value) =>
        Sse2.IsSupported ? Sse2.Shuffle(value, value, 0b01) : Vector128.Shuffle(value, Vector128.Create(1L, 0L));

    /// <summary>
    /// Broadcast coefficient (re, im) of one complex number c as the pair used by <see cref="Multiply(Vector256{double}, Vector256{double}, Vector256{double})"/>:
    /// all-re, and (-im, +im) alternating, so c·a = re·a + signedIm·swap(a).
    /// </summary>
    public static (Vector256<double> Real, Vector256<double> SignedImaginary) Broadcast256(System.Numerics.Complex c) =>
        (Vector256.Create(c.Real), Vector256.Create(-c.Imaginary, c.Imaginary, -c.Imaginary, c.Imaginary));

    public static (Vector128<double> Real, Vector128<double> SignedImaginary) Broadcast128(System.Numerics.Complex c) =>
        (Vector128.Create(c.Real), Vector128.Create(-c.Imaginary, c.Imaginary));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Multiply(Vector256<double> real, Vector256<double> signedImaginary, Vector256<double> a) =>
        MultiplyAdd(real, a, signedImaginary * SwapParts(a));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Multiply(Vector128<double> real, Vector128<double> signedImaginary, Vector128<double> a) =>
        MultiplyAdd(real, a, signedImaginary * SwapParts(a));

    /// <summary>c·a + addend, c as in <see cref="Multiply(Vector256{double}, Vector256{double}, Vector256{double})"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MultiplyAdd(Vector256<double> real, Vector256<double> signedImaginary, Vector256<double> a, Vector256<double> addend) =>
        MultiplyAdd(real, a, MultiplyAdd(signedImaginary, SwapParts(a), addend));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> MultiplyAdd(Vector128<double> real, Vector128<double> signedImaginary, Vector128<double> a, Vector128<double> addend) =>
        MultiplyAdd(real, a, MultiplyAdd(signedImaginary, SwapParts(a), addend));

    /// <summary>x·y + z, fused (one rounding) where the CPU has FMA: the C compilers' -mfma code does the same.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> MultiplyAdd(Vector256<double> x, Vector256<double> y, Vector256<double> z) =>
        Fma.IsSupported ? Fma.MultiplyAdd(x, y, z) : (x * y) + z;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> MultiplyAdd(Vector128<double> x, Vector128<double> y, Vector128<double> z) =>
        Fma.IsSupported ? Fma.MultiplyAdd(x, y, z) : (x * y) + z;
}
