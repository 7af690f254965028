using SpankQrun.DirectAccess;
using SpankQrun.DirectAccess.Jobs;
using SpankQrun.DirectAccess.Storage;

namespace SpankQrun.Qrun.Running;

/// <summary>
/// Leaves nothing behind on any path, and touches only what exists: a submitted job that is not final is cancelled
/// and waited for, then deleted (which frees its execution lane); then the service log is copied if it was not yet;
/// then the objects are deleted, side by side (results and logs only if the service may have written them, and never
/// results that could not be saved locally). A job seen final is deleted from Direct Access as soon as it is seen, so
/// that deletion runs alongside the delivery and the S3 part, and cleanup waits for both. The Direct Access part and the S3 part (log copy and deletes together) each
/// have their own bound, not the interrupted token, so a signal still gets a full cleanup, a dead Direct Access does
/// not cost the S3 deletes, and both parts together stay within Slurm's default KillWait.
/// </summary>
internal sealed partial class JobRunner
{
    private async Task CleanUpAsync(JobTrace trace, JobStorage storage, ObjectDeletions deletions, DirectAccessClient client, Task? removal)
    {
        removal ??= RemoveJobAsync(trace, client);
        if (!trace.SeenFinal)
        {
            // Until the job is final the service may still read the input and write the log.
            await removal.ConfigureAwait(false);
        }

        try
        {
            using var storageBound = new CancellationTokenSource(host.StorageCleanupTimeout);
            await CopyServiceLogOnceAsync(trace, storage, bound: storageBound.Token).ConfigureAwait(false);
            await DeleteObjectsAsync(trace, storage, deletions, storageBound.Token).ConfigureAwait(false);
        }
        finally
        {
            await removal.ConfigureAwait(false);
        }
    }

    private async Task RemoveJobAsync(JobTrace trace, DirectAccessClient client)
    {
        if (!trace.JobMayExist || trace.JobVanished)
        {
            trace.JobRemoved = true;
            return;
        }

        using var bound = new CancellationTokenSource(host.CleanupTimeout);
        try
        {
            if (!trace.SeenFinal)
            {
                await CancelAndWaitAsync(trace.Id, client, bound.Token).ConfigureAwait(false);
            }

            await client.DeleteJobAsync(trace.Id, bound.Token).ConfigureAwait(false);
            trace.JobRemoved = true;
        }
        catch (DirectAccessException exception)
        {
            reporter.Line(QrunMessages.JobCleanupFailed(trace.Id, exception.Message));
        }
        catch (OperationCanceledException)
        {
            reporter.Line(QrunMessages.JobCleanupTimedOut(trace.Id, host.CleanupTimeout));
        }
    }

    private async Task DeleteObjectsAsync(JobTrace trace, JobStorage storage, ObjectDeletions deletions, CancellationToken bound)
    {
        var keys = new List<string>();
        if (trace.InputUploaded)
        {
            keys.Add(JobObjectKeys.Input(trace.Id));
        }

        if (trace.JobMayExist && !trace.KeepResults)
        {
            keys.Add(JobObjectKeys.Results(trace.Id));
            keys.Add(JobObjectKeys.Logs(trace.Id));
        }

        if (keys.Count == 0)
        {
            return;
        }

        // Those not started during delivery start now, side by side; what could not be deleted is named in the order above.
        var left = await deletions.FinishAsync(keys, bound).ConfigureAwait(false);
        if (left.Count > 0)
        {
            reporter.Line(QrunMessages.ObjectsLeft(storage.Bucket, left.Select(item => item.Key).ToList(), left[0].Reason));
        }
    }

    private async Task CancelAndWaitAsync(string id, DirectAccessClient client, CancellationToken cancellationToken)
    {
        if (await client.CancelJobAsync(id, cancellationToken).ConfigureAwait(false))
        {
            reporter.Line(QrunMessages.CancelRequested(id));
        }

        while (true)
        {
            var job = await client.FindJobAsync(id, cancellationToken).ConfigureAwait(false);
            if (job is null)
            {
                return;
            }

            if (job.KnownStatus.IsFinal())
            {
                reporter.Line(QrunMessages.StatusChanged(id, job.Status, reporter.Elapsed));
                return;
            }

            await Task.Delay(host.CleanupPollInterval, host.Time, cancellationToken).ConfigureAwait(false);
        }
    }
}
