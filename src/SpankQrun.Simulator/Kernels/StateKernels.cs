using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SpankQrun.Simulator.Kernels;

/// <summary>
/// Generic drivers, one per gate shape. Each checks its arguments, then takes the widest path allowed:
/// <c>Vector256</c> (two amplitudes per vector, needs every involved qubit above bit 0 but a control), <c>Vector128</c>, or scalar.
/// Amplitude index bit k is qubit k.
/// </summary>
internal static partial class StateKernels
{
    /// <summary>States below 2^this amplitudes stay on one thread: a pass over them is too short to pay for a second.</summary>
    public const int MinParallelQubits = 18;

    /// <summary>
    /// The threads a pass over <paramref name="length"/> amplitudes uses: <paramref name="requested"/> (0 or less:
    /// every core), but 1 below 2^<see cref="MinParallelQubits"/> amplitudes.
    /// </summary>
    public static int ThreadsFor(int length, int requested)
    {
        if (length < 1 << MinParallelQubits)
        {
            return 1;
        }

        return requested <= 0 ? Environment.ProcessorCount : requested;
    }

    private static int CheckState(Span<Complex> state)
    {
        if (state.Length < 2 || !BitOperations.IsPow2(state.Length))
        {
            throw new ArgumentException($"state length {state.Length} is not a power of two of at least 2", nameof(state));
        }

        return BitOperations.Log2((uint)state.Length);
    }

    private static void CheckQubit(int qubit, int qubitCount, string name)
    {
        if ((uint)qubit >= (uint)qubitCount)
        {
            throw new ArgumentOutOfRangeException(name, qubit, $"expected a qubit index from 0 to {qubitCount - 1}");
        }
    }

    /// <summary>Loads the amplitude pair at <paramref name="index"/> and <paramref name="index"/> + <paramref name="offset"/> (in doubles), applies the gate, stores it back.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ApplyPair256<TGate>(ref double doubles, nuint index, nuint offset, in TGate gate)
        where TGate : struct, IAmplitudePairOperator<TGate>
    {
        var a0 = Vector256.LoadUnsafe(ref doubles, index);
        var a1 = Vector256.LoadUnsafe(ref doubles, index + offset);
        gate.Invoke(ref a0, ref a1);
        a0.StoreUnsafe(ref doubles, index);
        a1.StoreUnsafe(ref doubles, index + offset);
    }

    /// <summary>The <see cref="Vector128{T}"/> form of <see cref="ApplyPair256"/>: one amplitude per vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ApplyPair128<TGate>(ref double doubles, nuint index, nuint offset, in TGate gate)
        where TGate : struct, IAmplitudePairOperator<TGate>
    {
        var a0 = Vector128.LoadUnsafe(ref doubles, index);
        var a1 = Vector128.LoadUnsafe(ref doubles, index + offset);
        gate.Invoke(ref a0, ref a1);
        a0.StoreUnsafe(ref doubles, index);
        a1.StoreUnsafe(ref doubles, index + offset);
    }

    /// <summary>Sorts the 1–3 qubit positions of a gate in place, without the generic sort's call chain on every gate.</summary>
    private static void SortFew(Span<int> positions)
    {
        for (var i = 1; i < positions.Length; i++)
        {
            for (var k = i; k > 0 && positions[k - 1] > positions[k]; k--)
            {
                (positions[k - 1], positions[k]) = (positions[k], positions[k - 1]);
            }
        }
    }

    /// <summary>Inserts a zero bit at each position in <paramref name="sortedPositions"/> (ascending) into <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint InsertZeroBits(nint value, ReadOnlySpan<int> sortedPositions)
    {
        foreach (var position in sortedPositions)
        {
            var low = value & (((nint)1 << position) - 1);
            value = ((value >> position) << (position + 1)) | low;
        }

        return value;
    }

    /// <summary>
    /// <see cref="InsertZeroBits(nint, ReadOnlySpan{int})"/> without a loop, for the hot loops: inserting a zero at p is
    /// value + (value &amp; -2^p), so up to three sorted positions become three masks (0 where there is no position).
    /// </summary>
    private readonly struct ZeroBitInserter
    {
        private readonly nint _high0, _high1, _high2;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ZeroBitInserter(ReadOnlySpan<int> sortedPositions)
        {
            Debug.Assert(sortedPositions.Length <= 3, "the drivers take at most 3 positions");
            _high0 = sortedPositions.Length > 0 ? -((nint)1 << sortedPositions[0]) : 0;
            _high1 = sortedPositions.Length > 1 ? -((nint)1 << sortedPositions[1]) : 0;
            _high2 = sortedPositions.Length > 2 ? -((nint)1 << sortedPositions[2]) : 0;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public nint Insert(nint value)
        {
            value += value & _high0;
            value += value & _high1;
            return value + (value & _high2);
        }
    }
}
