using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SpankQrun.Simulator.Binding;

namespace SpankQrun.Simulator.Kernels;

internal static partial class StateKernels
{
    /// <summary>
    /// Qubits below this one index the diagonal's tables (2^this entries for each pivot bit, kept in L1); the factors of
    /// the qubits above it are multiplied into the pivot's 2x2 once per run of 2^this amplitudes.
    /// </summary>
    private const int PivotDiagonalTableBits = 9;

    /// <summary>
    /// Applies <paramref name="block"/> (a 2x2 on its pivot, then a diagonal that depends on the pivot's bit) in one pass:
    /// each amplitude pair (pivot bit 0, 1) is read once, multiplied by the pivot matrix scaled by the upper qubits'
    /// factors, then by the table entry of the lower qubits, and written once. Runs are split into contiguous ranges,
    /// one per thread; every amplitude gets the same arithmetic on any split.
    /// </summary>
    public static unsafe void ApplyPivotDiagonal(Span<Complex> state, PivotDiagonal block, KernelPath path = KernelPath.Auto, int threads = 1)
    {
        var qubitCount = CheckState(state);
        CheckQubit(block.Pivot, qubitCount, nameof(block));
        if (block.QubitCount < qubitCount)
        {
            throw new ArgumentException($"the block has factors for {block.QubitCount} qubits, the state has {qubitCount}", nameof(block));
        }

        var low = Math.Min(qubitCount, PivotDiagonalTableBits);
        var whenZero = LowTable(block, 0, low);
        var whenOne = LowTable(block, 1, low);
        var runs = block.Pivot < low ? 1 << (qubitCount - low) : 1 << (qubitCount - low - 1);
        var count = Math.Min(runs, ThreadsFor(state.Length, threads));
        if (count <= 1)
        {
            PivotDiagonalRange(state, block, whenZero, whenOne, low, path, 0, runs);
            return;
        }

        var length = state.Length;
        fixed (Complex* pointer = state)
        {
            var address = (nint)pointer;
            ThreadTeam.For(count, part =>
            {
                var (start, end) = Chunk(runs, count, part);
                PivotDiagonalRange(new Span<Complex>((void*)address, length), block, whenZero, whenOne, low, path, (int)start, (int)end);
            });
        }
    }

    /// <summary>Entry l: the product of the factors of qubits 0 .. <paramref name="low"/> - 1 but the pivot at their bits in l.</summary>
    private static Complex[] LowTable(PivotDiagonal block, int pivotBit, int low)
    {
        var table = new Complex[1 << low];
        table[0] = Complex.One;
        for (var qubit = 0; qubit < low; qubit++)
        {
            var size = 1 << qubit;
            var (zero, one) = qubit == block.Pivot
                ? (Complex.One, Complex.One)
                : (block.Factor(pivotBit, qubit, 0), block.Factor(pivotBit, qubit, 1));
            for (var l = 0; l < size; l++)
            {
                table[l | size] = table[l] * one;
                table[l] *= zero;
            }
        }

        return table;
    }

    private static void PivotDiagonalRange(
        Span<Complex> state, PivotDiagonal block, Complex[] whenZero, Complex[] whenOne, int low, KernelPath path, int start, int end)
    {
        var qubitCount = BitOperations.Log2((uint)state.Length);
        var pivot = block.Pivot;
        var before = block.Before;
        for (var run = start; run < end; run++)
        {
            // The upper bits of this run (the pivot's clear when it is an upper qubit) and their factors.
            var high = pivot < low ? run : (int)InsertZeroBits(run, [pivot - low]);
            var scale0 = block.Factor(0, pivot, 0);
            var scale1 = block.Factor(1, pivot, 1);
            for (var qubit = low; qubit < qubitCount; qubit++)
            {
                if (qubit != pivot)
                {
                    var bit = (high >> (qubit - low)) & 1;
                    scale0 *= block.Factor(0, qubit, bit);
                    scale1 *= block.Factor(1, qubit, bit);
                }
            }

            var matrix = new Matrix2(scale0 * before.M00, scale0 * before.M01, scale1 * before.M10, scale1 * before.M11);
            var first = high << low;
            if (pivot >= low)
            {
                PivotPairs(state, matrix, whenZero, whenOne, first, first | (1 << pivot), 0, 1 << low, path);
                continue;
            }

            var stride = 1 << pivot;
            for (var offset = 0; offset < 1 << low; offset += 2 * stride)
            {
                PivotPairs(state, matrix, whenZero, whenOne, first + offset, first + offset + stride, offset, stride, path);
            }
        }
    }

    /// <summary>
    /// For k &lt; <paramref name="count"/>: (a0, a1) = (state[index0 + k], state[index1 + k]) becomes
    /// (whenZero[t] · (m00·a0 + m01·a1), whenOne[t] · (m10·a0 + m11·a1)) with t = <paramref name="table"/> + k.
    /// </summary>
    private static void PivotPairs(
        Span<Complex> state, in Matrix2 matrix, Complex[] whenZero, Complex[] whenOne, int index0, int index1, int table, int count, KernelPath path)
    {
        var k = 0;
        if (path == KernelPath.Auto && Vector256.IsHardwareAccelerated && count >= 2)
        {
            ref var doubles = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(state));
            ref var zeros = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(whenZero.AsSpan()));
            ref var ones = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(whenOne.AsSpan()));
            var (r00, i00) = ComplexVector.Broadcast256(matrix.M00);
            var (r01, i01) = ComplexVector.Broadcast256(matrix.M01);
            var (r10, i10) = ComplexVector.Broadcast256(matrix.M10);
            var (r11, i11) = ComplexVector.Broadcast256(matrix.M11);
            for (; k + 1 < count; k += 2)
            {
                var at0 = (nuint)(2 * (index0 + k));
                var at1 = (nuint)(2 * (index1 + k));
                var at = (nuint)(2 * (table + k));
                var a0 = Vector256.LoadUnsafe(ref doubles, at0);
                var a1 = Vector256.LoadUnsafe(ref doubles, at1);
                var b0 = ComplexVector.Multiply(r00, i00, a0) + ComplexVector.Multiply(r01, i01, a1);
                var b1 = ComplexVector.Multiply(r10, i10, a0) + ComplexVector.Multiply(r11, i11, a1);
                MultiplyEach(Vector256.LoadUnsafe(ref zeros, at), b0).StoreUnsafe(ref doubles, at0);
                MultiplyEach(Vector256.LoadUnsafe(ref ones, at), b1).StoreUnsafe(ref doubles, at1);
            }
        }

        for (; k < count; k++)
        {
            var a0 = state[index0 + k];
            var a1 = state[index1 + k];
            state[index0 + k] = whenZero[table + k] * ((matrix.M00 * a0) + (matrix.M01 * a1));
            state[index1 + k] = whenOne[table + k] * ((matrix.M10 * a0) + (matrix.M11 * a1));
        }
    }

    /// <summary>x·y for each of the two complex numbers in the vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> MultiplyEach(Vector256<double> x, Vector256<double> y)
    {
        if (Fma.IsSupported)
        {
            // (xr·yr - xi·yi, xr·yi + xi·yr)
            return Fma.MultiplyAddSubtract(Avx.Permute(x, 0b0000), y, Avx.Permute(x, 0b1111) * ComplexVector.SwapParts(y));
        }

        var real = Vector256.Shuffle(x, Vector256.Create(0L, 0L, 2L, 2L));
        var imaginary = Vector256.Shuffle(x, Vector256.Create(1L, 1L, 3L, 3L));
        return (real * y) + (imaginary * ComplexVector.SwapParts(y) * Vector256.Create(-1.0, 1.0, -1.0, 1.0));
    }
}
