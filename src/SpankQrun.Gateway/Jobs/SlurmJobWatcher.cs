using SpankQrun.Gateway.Configuration;
using SpankQrun.Gateway.Contract;
using SpankQrun.Gateway.Slurm;
using SpankQrun.Gateway.Store;

namespace SpankQrun.Gateway.Jobs;

/// <summary>
/// Leaves nothing behind: every poll interval, asks Slurm which jobs run; for each Slurm job that has gateway
/// jobs and no longer runs (done, scancel, time limit, node down), cancels its unfinished Direct Access jobs,
/// and once they are final deletes them and their objects, then tells the end observers. All its state is in
/// the database, so a restarted gateway carries on where the last one stopped. If Slurm cannot be asked, it
/// does nothing (it cannot tell a running job from an ended one) and says so. Several instances on one database
/// share the work: each ended Slurm job is claimed by one of them (a lease in the database), which alone acts on it.
/// </summary>
public sealed class SlurmJobWatcher(
    GatewaySettings settings,
    GatewayStore store,
    SlurmClient slurm,
    JobStatusUpdater updater,
    IEnumerable<ISlurmJobEndObserver> observers,
    TimeProvider time,
    ILogger<SlurmJobWatcher> logger) : BackgroundService
{
    private readonly string instance = Guid.NewGuid().ToString("N");
    private bool slurmWasDown;

    /// <summary>How long a claim on an ended Slurm job's cleanup lasts unless renewed (an instance that stopped loses it).</summary>
    private TimeSpan ClaimLease => TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(60).Ticks, 3 * settings.SlurmPollInterval.Ticks));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PassAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("cleanup pass failed, will retry: {Message}", e.Message);
            }

            try
            {
                await Task.Delay(settings.SlurmPollInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass over the Slurm jobs not yet reported.</summary>
    public async Task PassAsync(CancellationToken cancellationToken)
    {
        var jobs = await store.ListOfUnreportedSlurmJobsAsync(cancellationToken).ConfigureAwait(false);
        if (jobs.Count == 0)
            return;

        IReadOnlySet<string> running;
        try
        {
            running = await slurm.RunningJobIdsAsync(cancellationToken).ConfigureAwait(false);
            if (slurmWasDown)
                logger.LogInformation("Slurm answers again; cleanup resumes");
            slurmWasDown = false;
        }
        catch (SlurmUnavailableException e)
        {
            if (!slurmWasDown)
                logger.LogWarning("cannot ask Slurm which jobs run, so no job is cleaned up until it answers: {Message}", e.Message);
            slurmWasDown = true;
            return;
        }

        foreach (var slurmJobId in jobs.Select(j => j.SlurmJobId).Distinct().Where(id => !running.Contains(id)))
            await EndSlurmJobAsync(slurmJobId, cancellationToken).ConfigureAwait(false);
    }

    private Task<bool> ClaimAsync(string slurmJobId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return store.TryClaimCleanupAsync(slurmJobId, instance, now, now + ClaimLease, cancellationToken);
    }

    private async Task EndSlurmJobAsync(string slurmJobId, CancellationToken cancellationToken)
    {
        if (!await ClaimAsync(slurmJobId, cancellationToken).ConfigureAwait(false))
            return;
        // Read after the claim: what another instance did before it is in the records.
        var jobs = await store.ListOfUnreportedSlurmJobAsync(slurmJobId, cancellationToken).ConfigureAwait(false);
        if (jobs.Count == 0)
            return;

        var done = true;
        foreach (var job in jobs.Where(j => j.DeletedTime is null))
        {
            try
            {
                if (!await ClaimAsync(slurmJobId, cancellationToken).ConfigureAwait(false))
                    return;
                done &= await updater.TryRemoveAsync(job, TimeSpan.Zero, GatewayMessages.SlurmJobEndedReason(slurmJobId), cancellationToken).ConfigureAwait(false);
                if (!done && job.CleanupStartedTime is { } started && time.GetUtcNow() - started > settings.CleanupWait)
                    logger.LogWarning("job {Id} of ended Slurm job {SlurmJob}: Direct Access still reports {Status} {Seconds:F0} s after the cancel",
                        job.Id, slurmJobId, job.Status, (time.GetUtcNow() - started).TotalSeconds);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                done = false;
                logger.LogWarning("job {Id} of ended Slurm job {SlurmJob}: cleanup failed, will retry: {Message}", job.Id, slurmJobId, e.Message);
            }
        }

        if (!done)
            return;

        var first = jobs[0];
        var usage = new SlurmJobUsage(slurmJobId, first.Uid, first.UserName, first.Account, jobs);
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnSlurmJobEndedAsync(usage, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Slurm job {SlurmJob}: end observer {Observer} failed, will retry: {Message}", slurmJobId, observer.GetType().Name, e.Message);
                return;
            }
        }

        if (await store.TryMarkSlurmJobReportedAsync(slurmJobId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            logger.LogInformation("Slurm job {SlurmJob} ended: {Count} Direct Access job(s), {Completed} completed, {Nanoseconds} quantum ns; nothing left behind",
                slurmJobId, jobs.Count, jobs.Count(j => j.Status == GatewayJobStatus.Completed), usage.QuantumNanoseconds);
        }

        await store.ReleaseCleanupAsync(slurmJobId, cancellationToken).ConfigureAwait(false);
    }
}
