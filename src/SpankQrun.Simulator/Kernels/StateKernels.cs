using System.Numerics;
using System.Runtime.CompilerServices;

namespace SpankQrun.Simulator.Kernels;

/// <summary>
/// Generic drivers, one per gate shape. Each checks its arguments, then takes the widest path allowed:
/// <c>Vector256</c> (two amplitudes per vector, needs every involved qubit above bit 0), <c>Vector128</c>, or scalar.
/// Amplitude index bit k is qubit k.
/// </summary>
internal static partial class StateKernels
{
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
}
