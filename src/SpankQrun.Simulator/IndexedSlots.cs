namespace SpankQrun.Simulator;

/// <summary>
/// Values by a small non-negative index below <see cref="Bound"/>, in an array that grows (doubling) only as far as
/// the indices asked for: the front end's commonest lookups (physical qubit names, one-qubit lists) then need no
/// hashing, and a small circuit allocates only what it uses.
/// </summary>
internal sealed class IndexedSlots<T>(int bound)
    where T : class
{
    private T?[] _slots = [];

    public int Bound { get; } = bound;

    /// <summary>The slot of <paramref name="index"/> (0 ≤ index &lt; <see cref="Bound"/>), to read or fill.</summary>
    public ref T? this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Bound, nameof(index));
            if (index >= _slots.Length)
            {
                Array.Resize(ref _slots, Math.Min(Bound, Math.Max(index + 1, 2 * _slots.Length)));
            }

            return ref _slots[index];
        }
    }
}
