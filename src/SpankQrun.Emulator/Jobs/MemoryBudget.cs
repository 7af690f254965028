using System.Runtime;
using SpankQrun.Emulator.Configuration;

namespace SpankQrun.Emulator.Jobs;

/// <summary>
/// The memory running jobs may take (memory_budget_bytes). A job reserves its estimate before its simulation
/// starts and waits, first come first served, while others hold the memory; the reservation is given back when
/// the simulation thread ends, and the heap is then returned to the system once no job holds memory.
/// </summary>
public sealed class MemoryBudget(EmulatorSettings settings)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private long _reserved;

    public long TotalBytes { get; } = settings.Limits.MemoryBudgetBytes;

    public long ReservedBytes
    {
        get
        {
            lock (_lock)
                return _reserved;
        }
    }

    /// <summary>Waits until <paramref name="bytes"/> fit, then holds them until the returned reservation is disposed.</summary>
    public async Task<Reservation> ReserveAsync(long bytes, CancellationToken cancellationToken)
    {
        if (bytes > TotalBytes)
            throw new ArgumentOutOfRangeException(nameof(bytes), bytes, "larger than the whole budget");

        Waiter waiter;
        lock (_lock)
        {
            if (_waiters.Count == 0 && _reserved + bytes <= TotalBytes)
            {
                _reserved += bytes;
                return new Reservation(this, bytes, _reserved);
            }

            waiter = new Waiter(bytes);
            waiter.Node = _waiters.AddLast(waiter);
        }

        using var registration = cancellationToken.Register(() => Abandon(waiter));
        var held = await waiter.Granted.Task;
        return new Reservation(this, bytes, held);
    }

    private void Abandon(Waiter waiter)
    {
        lock (_lock)
        {
            if (waiter.Node?.List is null)
                return;
            _waiters.Remove(waiter.Node);
            GrantWaiters();
        }

        waiter.Granted.TrySetCanceled();
    }

    private void Release(long bytes)
    {
        bool idle;
        lock (_lock)
        {
            _reserved -= bytes;
            GrantWaiters();
            idle = _reserved == 0;
        }

        if (idle && bytes >= 32L * 1024 * 1024)
        {
            // A job's states are freed as it ends (they live outside the GC heap); what it made on the heap (samples,
            // its result) goes back to the system here rather than keeping the heap at its peak.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    // Called under the lock: the head of the queue goes first, so a large job is not starved by small ones.
    private void GrantWaiters()
    {
        while (_waiters.First is { } first && _reserved + first.Value.Bytes <= TotalBytes)
        {
            _waiters.RemoveFirst();
            _reserved += first.Value.Bytes;
            first.Value.Granted.TrySetResult(_reserved);
        }
    }

    private sealed class Waiter(long bytes)
    {
        public long Bytes { get; } = bytes;

        public LinkedListNode<Waiter>? Node { get; set; }

        /// <summary>Completed with the bytes held by all jobs once this one's are granted.</summary>
        public TaskCompletionSource<long> Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>One job's bytes, held until disposed.</summary>
    public sealed class Reservation(MemoryBudget budget, long bytes, long heldWhenGranted) : IDisposable
    {
        private int _disposed;

        /// <summary>The bytes all running jobs held, this one's included, at the moment it was granted.</summary>
        public long HeldWhenGranted { get; } = heldWhenGranted;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                budget.Release(bytes);
        }
    }
}
