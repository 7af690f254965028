using SpankQrun.DirectAccess.Jobs;
using SpankQrun.DirectAccess.Storage;
using SpankQrun.Gateway.Contract;
using SpankQrun.Gateway.Store;

namespace SpankQrun.Gateway.Jobs;

/// <summary>Brings a job's record up to date with Direct Access, and removes a job and its objects.</summary>
public sealed class JobStatusUpdater(GatewayStore store, BackendServices backends, TimeProvider time, JobEndNotifier jobEnds, ILogger<JobStatusUpdater> logger)
{
    /// <summary>Reads the job's status from Direct Access and records any change (final: usage and results size too).</summary>
    public async Task<bool> RefreshAsync(GatewayJob job, CancellationToken cancellationToken)
    {
        var jobs = await backends.FreshListAsync(job.Backend, cancellationToken).ConfigureAwait(false);
        var info = jobs.FirstOrDefault(j => string.Equals(j.Id, job.Id, StringComparison.OrdinalIgnoreCase));
        return await ApplyAsync(job, info, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Cancels the job if it is not final, waits up to <paramref name="wait"/> for a final status, then deletes the
    /// Direct Access job and its objects. False when it is still not final (call again later).
    /// </summary>
    public async Task<bool> TryRemoveAsync(GatewayJob job, TimeSpan wait, string reason, CancellationToken cancellationToken)
    {
        var storage = backends.Storage(job.Backend);
        if (!job.IsSubmitted)
        {
            if (!GatewayJobStatus.IsFinal(job.Status))
            {
                job.Status = GatewayJobStatus.Cancelled;
                job.EndTime = time.GetUtcNow();
                job.ReasonMessage = reason;
            }

            await storage.DeleteAsync(JobObjectKeys.Input(job.Id), cancellationToken).ConfigureAwait(false);
            await MarkDeletedAsync(job, reason, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (!GatewayJobStatus.IsFinal(job.Status))
        {
            if (job.CleanupStartedTime is null)
            {
                await backends.Client(job.Backend).CancelJobAsync(job.Id, cancellationToken).ConfigureAwait(false);
                job.CleanupStartedTime = time.GetUtcNow();
                await SaveAsync(job, cancellationToken).ConfigureAwait(false);
                logger.LogInformation("job {Id} of Slurm job {SlurmJob} uid {Uid}: cancel sent to Direct Access ({Reason})", job.Id, job.SlurmJobId, job.Uid, reason);
            }

            var deadline = time.GetUtcNow() + wait;
            while (!GatewayJobStatus.IsFinal(job.Status))
            {
                await RefreshAsync(job, cancellationToken).ConfigureAwait(false);
                if (GatewayJobStatus.IsFinal(job.Status))
                    break;
                if (time.GetUtcNow() >= deadline)
                    return false;
                await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken).ConfigureAwait(false);
            }
        }

        // The Direct Access job and the objects are independent of each other: delete them all side by side. The results'
        // size (bytes out, in the usage) is read just before they go.
        var deleteJob = backends.Client(job.Backend).DeleteJobAsync(job.Id, cancellationToken);
        await Task.WhenAll(JobObjectKeys.All(job.Id).Select(key => key == JobObjectKeys.Results(job.Id)
            ? MeasureAndDeleteResultsAsync(job, storage, cancellationToken)
            : storage.DeleteAsync(key, cancellationToken)).Append(deleteJob)).ConfigureAwait(false);
        await MarkDeletedAsync(job, reason, cancellationToken).ConfigureAwait(false);
        // The job's end is accounted before its removal is answered (see JobEndNotifier).
        await jobEnds.WaitAsync(job.Id, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task MeasureAndDeleteResultsAsync(GatewayJob job, JobStorage storage, CancellationToken cancellationToken)
    {
        var key = JobObjectKeys.Results(job.Id);
        if (job.Status == GatewayJobStatus.Completed && job.ResultsBytes is null)
            job.ResultsBytes = await storage.SizeAsync(key, cancellationToken).ConfigureAwait(false);
        await storage.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
    }

    private async Task MarkDeletedAsync(GatewayJob job, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var resultsBytes = job.ResultsBytes;
        job.DeletedTime = now;
        if (!await SaveAsync(job, cancellationToken).ConfigureAwait(false))
        {
            // Another instance recorded another final status meanwhile: keep it, and record the deletion (and the size
            // just read) with it.
            job.DeletedTime ??= now;
            job.ResultsBytes ??= resultsBytes;
            await store.UpdateAsync(job, cancellationToken).ConfigureAwait(false);
        }

        logger.LogInformation("job {Id} of Slurm job {SlurmJob} uid {Uid}: {Status}; Direct Access job and objects deleted ({Reason})",
            job.Id, job.SlurmJobId, job.Uid, job.Status, reason);
    }

    private async Task<bool> ApplyAsync(GatewayJob job, JobInfo? info, CancellationToken cancellationToken)
    {
        var before = job.Status;
        var now = time.GetUtcNow();
        if (info is null && await store.FindAsync(job.Id, cancellationToken).ConfigureAwait(false) is { } stored
            && (stored.DeletedTime is not null || GatewayJobStatus.IsFinal(stored.Status)))
        {
            // Another gateway instance (same database) finished and removed it meanwhile: take its record.
            CopyOutcome(stored, job);
            return false;
        }

        if (info is null)
        {
            job.Status = GatewayJobStatus.Failed;
            job.ReasonMessage = GatewayMessages.DirectAccessLostJob;
        }
        else
        {
            job.Status = info.KnownStatus switch
            {
                JobStatus.Running => GatewayJobStatus.Running,
                JobStatus.Completed => GatewayJobStatus.Completed,
                JobStatus.Failed => GatewayJobStatus.Failed,
                JobStatus.Cancelled => GatewayJobStatus.Cancelled,
                _ => GatewayJobStatus.Queued,
            };
            job.ReasonCode = info.ReasonCode;
            job.ReasonMessage = info.ReasonMessage;
            job.ReasonSolution = info.ReasonSolution;
            if (info.Usage?.QuantumNanoseconds is { } ns)
                job.QuantumNanoseconds = ns;
        }

        if (job.Status == GatewayJobStatus.Running || (GatewayJobStatus.IsFinal(job.Status) && before is GatewayJobStatus.Queued))
            job.StartedTime ??= now;
        if (job.Status == before)
            return false;

        // The results' size is read when they are removed (TryRemoveAsync), not here: this is the answer qrun waits for.
        if (GatewayJobStatus.IsFinal(job.Status))
            job.EndTime ??= now;

        if (!await SaveAsync(job, cancellationToken).ConfigureAwait(false))
            return false;
        logger.LogInformation("job {Id} of Slurm job {SlurmJob} uid {Uid}: {Before} -> {Status}{Reason}",
            job.Id, job.SlurmJobId, job.Uid, before, job.Status, job.ReasonCode is null ? "" : $" (reason {job.ReasonCode})");
        if (GatewayJobStatus.IsFinal(job.Status))
            jobEnds.Notify(job);

        return true;
    }

    /// <summary>Writes the record; when the store refuses it (another final status is there), takes the stored outcome.</summary>
    private async Task<bool> SaveAsync(GatewayJob job, CancellationToken cancellationToken)
    {
        if (await store.UpdateAsync(job, cancellationToken).ConfigureAwait(false))
            return true;
        if (await store.FindAsync(job.Id, cancellationToken).ConfigureAwait(false) is { } stored)
            CopyOutcome(stored, job);
        return false;
    }

    private static void CopyOutcome(GatewayJob from, GatewayJob to)
    {
        to.Status = from.Status;
        to.StartedTime = from.StartedTime;
        to.EndTime = from.EndTime;
        to.ReasonCode = from.ReasonCode;
        to.ReasonMessage = from.ReasonMessage;
        to.ReasonSolution = from.ReasonSolution;
        to.QuantumNanoseconds = from.QuantumNanoseconds;
        to.ResultsBytes = from.ResultsBytes;
        to.CleanupStartedTime = from.CleanupStartedTime;
        to.DeletedTime = from.DeletedTime;
    }
}
