using SpankQrun.DirectAccess.Backends;

namespace SpankQrun.Accounting.Licenses;

/// <summary>
/// How many jobs Slurm may run at once on a backend: the lanes the service gives HPC workload managers when
/// the backend is online and not locked by a reservation; otherwise 0, so that new jobs wait in the queue
/// (reason Licenses) instead of failing, and start once the backend is back.
/// </summary>
public static class LicensePolicy
{
    public static LicenseTarget For(BackendState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.AcceptsJobs
            ? new LicenseTarget(state.HpcWorkloadManagerLanes!.Value, AccountingMessages.Available(state.HpcWorkloadManagerLanes.Value))
            : new LicenseTarget(0, AccountingMessages.Unavailable(state.Status.ToLowerInvariant(), state.Locked, state.HpcWorkloadManagerLanes, state.Message));
    }

    /// <summary>The service could not be asked <paramref name="failures"/> times in a row.</summary>
    public static LicenseTarget ForUnreachable(int failures) => new(0, AccountingMessages.Unreachable(failures));
}
