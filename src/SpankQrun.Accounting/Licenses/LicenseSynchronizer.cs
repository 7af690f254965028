using SpankQrun.DirectAccess;

namespace SpankQrun.Accounting.Licenses;

/// <summary>
/// LicenseSync: keeps each backend's Slurm license count equal to what the service can run for workload
/// managers right now (<see cref="LicensePolicy"/>). One instance per site; the gateway runs it.
/// </summary>
public sealed class LicenseSynchronizer(LicenseSyncOptions options, IBackendStateSource source, ILicenseStore store, ILicenseHolds holds, Action<string> log)
{
    private readonly Dictionary<string, int> failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> advised = new(StringComparer.Ordinal);

    /// <summary>Checks every backend once and changes what differs; returns the changes.</summary>
    public async Task<IReadOnlyList<LicenseChange>> SyncOnceAsync(CancellationToken cancellationToken)
    {
        var counts = await store.ReadCountsAsync(cancellationToken).ConfigureAwait(false);
        var held = await holds.ReadHeldAsync(cancellationToken).ConfigureAwait(false);
        var changes = new List<LicenseChange>();
        foreach (var backend in options.Backends)
        {
            var target = await TargetAsync(backend, cancellationToken).ConfigureAwait(false);
            if (target is null)
            {
                continue;
            }

            if (!counts.TryGetValue(backend, out var current))
            {
                log(AccountingMessages.LicenseMissing(backend));
                continue;
            }

            if (!target.Available)
            {
                if (!held.Contains(backend))
                {
                    await holds.HoldAsync(backend, current, target.Why, cancellationToken).ConfigureAwait(false);
                    Record(changes, backend, AccountingMessages.LicensesHeld(backend, target.Why));
                }

                continue;
            }

            if (current != target.Count && !store.CanChangeCounts)
            {
                // Said once per new target, not every round.
                if (advised.GetValueOrDefault(backend) != target.Count)
                {
                    advised[backend] = target.Count;
                    log(AccountingMessages.LocalCountDiffers(backend, target.Count, target.Why));
                }
            }
            else if (current != target.Count)
            {
                await store.SetCountAsync(backend, target.Count, AccountingMessages.LicenseDescription(backend, target.Why), cancellationToken).ConfigureAwait(false);
                Record(changes, backend, AccountingMessages.LicenseChanged(backend, current, target.Count, target.Why));
            }

            if (held.Contains(backend))
            {
                await holds.ReleaseAsync(backend, cancellationToken).ConfigureAwait(false);
                Record(changes, backend, AccountingMessages.LicensesReleased(backend, target.Why));
            }
        }

        return changes;
    }

    private void Record(List<LicenseChange> changes, string backend, string what)
    {
        log(what);
        changes.Add(new LicenseChange(backend, what));
    }

    /// <summary>Syncs every <see cref="LicenseSyncOptions.Interval"/> until cancelled; a failed round is logged and retried.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Interval);
        do
        {
            try
            {
                await SyncOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                log(exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    private async Task<LicenseTarget?> TargetAsync(string backend, CancellationToken cancellationToken)
    {
        try
        {
            var state = await source.GetAsync(backend, cancellationToken).ConfigureAwait(false);
            failures[backend] = 0;
            return LicensePolicy.For(state);
        }
        catch (DirectAccessException exception)
        {
            var count = failures[backend] = failures.GetValueOrDefault(backend) + 1;
            log(AccountingMessages.BackendCheckFailed(backend, exception.Message));
            return count >= options.FailuresBeforeUnavailable ? LicensePolicy.ForUnreachable(count) : null;
        }
    }
}
