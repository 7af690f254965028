using SpankQrun.DirectAccess.Backends;

namespace SpankQrun.Accounting.Licenses;

/// <summary>
/// How many jobs Slurm may run at once on a backend: the lanes the service gives HPC workload managers when
/// the backend is online and not locked by a reservation; otherwise none, so that new jobs wait in the queue
/// instead of failing, and start once the backend is back.
/// </summary>
public static class LicensePolicy
{
    public static LicenseTarget For(BackendState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.AcceptsJobs
            ? new LicenseTarget(true, state.HpcWorkloadManagerLanes!.Value, AccountingMessages.Available(state.HpcWorkloadManagerLanes.Value))
            : new LicenseTarget(false, 0, AccountingMessages.Unavailable(state.Status.ToLowerInvariant(), state.Locked, state.HpcWorkloadManagerLanes, state.Message));
    }

    /// <summary>The service could not be asked <paramref name="failures"/> times in a row.</summary>
    public static LicenseTarget ForUnreachable(int failures) => new(false, 0, AccountingMessages.Unreachable(failures));
}
