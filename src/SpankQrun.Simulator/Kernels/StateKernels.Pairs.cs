using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SpankQrun.Simulator.Kernels;

internal static partial class StateKernels
{
    /// <summary>
    /// The one driver behind single-qubit and controlled gates: pair j (0 ≤ j &lt; length / 2^positions) is the amplitude
    /// pair at i = InsertZeroBits(j, positions) | controlMask and i + stride. Pairs are split into contiguous ranges, one
    /// per thread; each amplitude is computed by the same arithmetic on any split, so results do not depend on threads.
    /// </summary>
    private static void ApplyPairs<TGate>(
        Span<Complex> state, ReadOnlySpan<int> positions, nint controlMask, nint stride, in TGate gate, KernelPath path, int threads)
        where TGate : struct, IAmplitudePairOperator<TGate>
    {
        var pairs = (nint)state.Length >> positions.Length;
        var count = ThreadsFor(state.Length, threads);
        if (count <= 1)
        {
            PairRange(state, positions, controlMask, stride, gate, path, 0, pairs);
            return;
        }

        ApplyPairsOnThreads(state, positions, controlMask, stride, gate, path, pairs, count);
    }

    /// <summary>
    /// The threaded part of <see cref="ApplyPairs"/>, in a method of its own: the lambda's captures (parameters
    /// among them) would otherwise allocate a closure on every call, one-thread calls included.
    /// </summary>
    private static unsafe void ApplyPairsOnThreads<TGate>(
        Span<Complex> state, ReadOnlySpan<int> positions, nint controlMask, nint stride, in TGate gate, KernelPath path, nint pairs, int count)
        where TGate : struct, IAmplitudePairOperator<TGate>
    {
        var sortedPositions = positions.ToArray();
        var copy = gate;
        var length = state.Length;
        fixed (Complex* pointer = state)
        {
            var address = (nint)pointer;
            ThreadTeam.For(count, part =>
            {
                var (start, end) = Chunk(pairs, count, part);
                PairRange(new Span<Complex>((void*)address, length), sortedPositions, controlMask, stride, copy, path, start, end);
            });
        }
    }

    private static void PairRange<TGate>(
        Span<Complex> state, ReadOnlySpan<int> positions, nint controlMask, nint stride, in TGate gate, KernelPath path, nint start, nint end)
        where TGate : struct, IAmplitudePairOperator<TGate>
    {
        if (path == KernelPath.Auto && Vector256.IsHardwareAccelerated && positions[0] == 0 && (controlMask & 1) != 0)
        {
            ControlOnBitZeroRange(state, positions[1..], controlMask, stride, gate, start, end);
        }
        else if (path == KernelPath.Auto && Vector256.IsHardwareAccelerated && positions[0] >= 1)
        {
            PairRange256(state, positions, controlMask, stride, gate, start, end);
        }
        else if (path == KernelPath.Auto && Vector256.IsHardwareAccelerated && (positions.Length == 1 || positions[1] >= 2))
        {
            TargetZeroRange256(state, positions, controlMask, gate, start, end);
        }
        else if (path != KernelPath.Scalar && Vector128.IsHardwareAccelerated)
        {
            PairRange128(state, positions, controlMask, stride, gate, start, end);
        }
        else
        {
            for (var j = start; j < end; j++)
            {
                var index = InsertZeroBits(j, positions) | controlMask;
                gate.Invoke(ref state[(int)index], ref state[(int)(index + stride)]);
            }
        }
    }

    /// <summary>Two pairs per <see cref="Vector256{T}"/>; every position is above bit 0, so <paramref name="start"/> and <paramref name="end"/> are even.</summary>
    private static void PairRange256<TGate>(
        Span<Complex> state, ReadOnlySpan<int> positions, nint controlMask, nint stride, in TGate gate, nint start, nint end)
        where TGate : struct, IAmplitudePairOperator<TGate>
    {
        ref var doubles = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(state));
        // A local copy: the JIT keeps its coefficients in registers, which it cannot do through a reference that might
        // alias the amplitudes being stored.
        var local = gate;
        var inserter = new ZeroBitInserter(positions);
        var offset = (nuint)(2 * stride);
        var run = (nint)1 << positions[0];
        if (run == 2)
        {
            // Every run is one vector.
            for (var j = start; j < end; j += 2)
            {
                ApplyPair256(ref doubles, (nuint)(2 * (inserter.Insert(j) | controlMask)), offset, local);
            }

            return;
        }

        // Pairs j .. j + run - 1 (j a multiple of run) sit at consecutive amplitudes: index arithmetic once per run.
        for (var j = start; j < end;)
        {
            var runEnd = Math.Min((j | (run - 1)) + 1, end);
            var first = (nuint)(2 * (inserter.Insert(j) | controlMask));
            var last = first + (nuint)(2 * (runEnd - j));
            for (var index = first; index < last; index += 4)
            {
                ApplyPair256(ref doubles, index, offset, local);
            }

            j = runEnd;
        }
    }

    /// <summary>
    /// Target qubit 0 and no control on bit 1, so pairs come at least two to a run of consecutive amplitudes: the vectors
    /// [a0, a1] and [b0, b1] are regrouped into [a0, b0] and [a1, b1] (two 128-bit lane moves), the gate is applied
    /// as on any other target, and the lanes are moved back. The arithmetic per amplitude is that of
    /// <see cref="PairRange256{TGate}"/>.
    /// </summary>
    private static void TargetZeroRange256<TGate>(
        Span<Complex> state, ReadOnlySpan<int> positions, nint controlMask, in TGate gate, nint start, nint end)
        where TGate : struct, IAmplitudePairOperator<TGate>
    {
        ref var doubles = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(state));
        var local = gate;
        var inserter = new ZeroBitInserter(positions);
        var run = positions.Length == 1 ? end - start : (nint)1 << (positions[1] - 1);
        var j = start;
        for (; j + 1 < end;)
        {
            var runEnd = positions.Length == 1 ? end & ~(nint)1 : Math.Min((j | (run - 1)) + 1, end);
            var first = (nuint)(2 * (inserter.Insert(j) | controlMask));
            var last = first + (nuint)(4 * (runEnd - j));
            for (var index = first; index < last; index += 8)
            {
                var v0 = Vector256.LoadUnsafe(ref doubles, index);
                var v1 = Vector256.LoadUnsafe(ref doubles, index + 4);
                var a0 = Avx.Permute2x128(v0, v1, 0x20);
                var a1 = Avx.Permute2x128(v0, v1, 0x31);
                local.Invoke(ref a0, ref a1);
                Avx.Permute2x128(a0, a1, 0x20).StoreUnsafe(ref doubles, index);
                Avx.Permute2x128(a0, a1, 0x31).StoreUnsafe(ref doubles, index + 4);
            }

            j = runEnd;
        }

        // A one-qubit state has a single pair.
        if (j < end)
        {
            ApplyPair128(ref doubles, (nuint)(2 * (inserter.Insert(j) | controlMask)), 2, local);
        }
    }

    private static void PairRange128<TGate>(
        Span<Complex> state, ReadOnlySpan<int> positions, nint controlMask, nint stride, in TGate gate, nint start, nint end)
        where TGate : struct, IAmplitudePairOperator<TGate>
    {
        ref var doubles = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(state));
        var local = gate;
        var inserter = new ZeroBitInserter(positions);
        var offset = (nuint)(2 * stride);
        var run = (nint)1 << positions[0];
        if (run == 1)
        {
            for (var j = start; j < end; j++)
            {
                ApplyPair128(ref doubles, (nuint)(2 * (inserter.Insert(j) | controlMask)), offset, local);
            }

            return;
        }

        for (var j = start; j < end;)
        {
            var runEnd = Math.Min((j | (run - 1)) + 1, end);
            var first = (nuint)(2 * (inserter.Insert(j) | controlMask));
            var last = first + (nuint)(2 * (runEnd - j));
            for (var index = first; index < last; index += 2)
            {
                ApplyPair128(ref doubles, index, offset, local);
            }

            j = runEnd;
        }
    }

    /// <summary>
    /// The <see cref="Vector256{T}"/> path when bit 0 is a control (the target and any other control above it): pair j's
    /// first amplitude, InsertZeroBits(2j, <paramref name="upper"/>) | controlMask, is the upper half of the vector that
    /// starts one amplitude lower, at the same index with bit 0 clear. Loads and stores stay 256 bits wide and the lower
    /// halves (control 0) are stored back unchanged, so no amplitude outside the pairs changes. With bit 1 a control or
    /// the target, both halves are computed and the upper one is selected.
    /// </summary>
    private static void ControlOnBitZeroRange<TGate>(
        Span<Complex> state, ReadOnlySpan<int> upper, nint controlMask, nint stride, in TGate gate, nint start, nint end)
        where TGate : struct, IAmplitudePairOperator<TGate>
    {
        ref var doubles = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(state));
        var local = gate;
        var inserter = new ZeroBitInserter(upper);
        var offset = (nuint)(2 * stride);
        var computedHalf = Vector256.Create(0L, 0L, -1L, -1L).AsDouble();
        var lowerControls = controlMask & ~(nint)1;

        // Pairs j .. j + run - 1 (j a multiple of run) sit in consecutive vectors.
        var run = (nint)1 << (upper[0] - 1);
        for (var j = start; j < end;)
        {
            var runEnd = Math.Min((j | (run - 1)) + 1, end);
            var first = (nuint)(2 * (inserter.Insert(2 * j) | lowerControls));
            var last = first + (nuint)(4 * (runEnd - j));
            if (run >= 2)
            {
                // Two vectors at a time: their upper halves (control 1) regrouped into one vector, so the gate is
                // computed once per pair; a run has an even number of pairs and starts at an even j.
                for (var index = first; index < last; index += 8)
                {
                    var (v0, w0) = (Vector256.LoadUnsafe(ref doubles, index), Vector256.LoadUnsafe(ref doubles, index + 4));
                    var (v1, w1) = (Vector256.LoadUnsafe(ref doubles, index + offset), Vector256.LoadUnsafe(ref doubles, index + offset + 4));
                    var a0 = Avx.Permute2x128(v0, w0, 0x31);
                    var a1 = Avx.Permute2x128(v1, w1, 0x31);
                    local.Invoke(ref a0, ref a1);
                    Avx.Permute2x128(v0, a0, 0x20).StoreUnsafe(ref doubles, index);
                    Avx.Permute2x128(w0, a0, 0x30).StoreUnsafe(ref doubles, index + 4);
                    Avx.Permute2x128(v1, a1, 0x20).StoreUnsafe(ref doubles, index + offset);
                    Avx.Permute2x128(w1, a1, 0x30).StoreUnsafe(ref doubles, index + offset + 4);
                }

                j = runEnd;
                continue;
            }

            for (var index = first; index < last; index += 4)
            {
                var a0 = Vector256.LoadUnsafe(ref doubles, index);
                var a1 = Vector256.LoadUnsafe(ref doubles, index + offset);
                var (b0, b1) = (a0, a1);
                local.Invoke(ref b0, ref b1);
                Vector256.ConditionalSelect(computedHalf, b0, a0).StoreUnsafe(ref doubles, index);
                Vector256.ConditionalSelect(computedHalf, b1, a1).StoreUnsafe(ref doubles, index + offset);
            }

            j = runEnd;
        }
    }

    /// <summary>Part <paramref name="part"/> of <paramref name="count"/> contiguous ranges of [0, total), boundaries even.</summary>
    private static (nint Start, nint End) Chunk(nint total, int count, int part)
    {
        var size = ((total / count) + 1) & ~(nint)1;
        var start = Math.Min(total, size * part);
        var end = part == count - 1 ? total : Math.Min(total, start + size);
        return (start, end);
    }
}
