using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SpankQrun.Simulator.Kernels;

/// <summary>
/// Σᵢ (-1)^popcount(i &amp; zMask) · conj(ψ[i ^ xMask]) · ψ[i], the core of a Pauli expectation value, in one read
/// of the state. The vector path takes two amplitudes per <see cref="Vector256{T}"/> with two accumulators.
/// </summary>
internal static class PauliExpectationKernel
{
    public static Complex SignedOverlap(ReadOnlySpan<Complex> state, int xMask, int zMask, KernelPath path = KernelPath.Auto)
    {
        if (path == KernelPath.Auto && Vector256.IsHardwareAccelerated && state.Length >= 4)
        {
            return Vector(state, xMask, zMask);
        }

        return Scalar(state, xMask, zMask);
    }

    private static Complex Scalar(ReadOnlySpan<Complex> state, int xMask, int zMask)
    {
        double real = 0, imaginary = 0;
        for (var i = 0; i < state.Length; i++)
        {
            var a = state[i];
            var b = state[i ^ xMask];
            var sign = 1 - (2 * (BitOperations.PopCount((uint)(i & zMask)) & 1));

            // conj(b) · a
            real += sign * ((b.Real * a.Real) + (b.Imaginary * a.Imaginary));
            imaginary += sign * ((b.Real * a.Imaginary) - (b.Imaginary * a.Real));
        }

        return new Complex(real, imaginary);
    }

    private static Complex Vector(ReadOnlySpan<Complex> state, int xMask, int zMask)
    {
        ref var doubles = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(state));

        // Amplitudes i and i+1 (i even) pair with i^x and (i+1)^x: the same aligned pair, swapped when bit 0 of x is set.
        var swapPartner = (xMask & 1) != 0;
        var partnerBase = xMask & ~1;

        // The sign of i+1 is the sign of i, flipped when bit 0 of z is set.
        var oddFlip = (zMask & 1) != 0 ? -1.0 : 1.0;
        var evenSigns = Vector256.Create(1.0, 1.0, oddFlip, oddFlip);
        var products0 = Vector256<double>.Zero;
        var crosses0 = Vector256<double>.Zero;
        var products1 = Vector256<double>.Zero;
        var crosses1 = Vector256<double>.Zero;
        var length = state.Length;
        var i = 0;
        for (; i + 4 <= length; i += 4)
        {
            Accumulate(ref doubles, i, partnerBase, swapPartner, zMask, evenSigns, ref products0, ref crosses0);
            Accumulate(ref doubles, i + 2, partnerBase, swapPartner, zMask, evenSigns, ref products1, ref crosses1);
        }

        for (; i < length; i += 2)
        {
            Accumulate(ref doubles, i, partnerBase, swapPartner, zMask, evenSigns, ref products0, ref crosses0);
        }

        var products = products0 + products1;
        var crosses = crosses0 + crosses1;

        // products lanes: a.re·b.re, a.im·b.im (twice); crosses lanes: a.re·b.im, a.im·b.re (twice).
        var real = Vector256.Sum(products);
        var imaginary = crosses.GetElement(1) + crosses.GetElement(3) - crosses.GetElement(0) - crosses.GetElement(2);
        return new Complex(real, imaginary);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(
        ref double doubles, int i, int partnerBase, bool swapPartner, int zMask, Vector256<double> evenSigns,
        ref Vector256<double> products, ref Vector256<double> crosses)
    {
        var a = Vector256.LoadUnsafe(ref doubles, (nuint)(2 * i));
        var b = Vector256.LoadUnsafe(ref doubles, (nuint)(2 * (i ^ partnerBase)));
        if (swapPartner)
        {
            b = Vector256.Create(b.GetUpper(), b.GetLower());
        }

        var signs = (BitOperations.PopCount((uint)(i & zMask)) & 1) == 0 ? evenSigns : -evenSigns;
        var signed = a * signs;
        products += signed * b;
        crosses += signed * ComplexVector.SwapParts(b);
    }
}
