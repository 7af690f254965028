using SpankQrun.DirectAccess;
using SpankQrun.DirectAccess.Jobs;
using SpankQrun.DirectAccess.Storage;

namespace SpankQrun.Qrun.Running;

/// <summary>
/// Leaves nothing behind on any path: a job that is not final is cancelled and waited for (bounded), then
/// deleted (which frees its execution lane), then the three objects are deleted. Runs on its own bounded token,
/// not on the interrupted one, so a signal still gets a full cleanup.
/// </summary>
internal sealed partial class JobRunner
{
    private async Task CleanUpAsync(JobTrace trace, JobStorage storage, DirectAccessClient client)
    {
        using var bound = new CancellationTokenSource(host.CleanupTimeout);
        var cancellationToken = bound.Token;
        if (trace.SubmitStarted)
        {
            try
            {
                if (!trace.SeenFinal)
                {
                    await CancelAndWaitAsync(trace.Id, client, cancellationToken).ConfigureAwait(false);
                }

                await client.DeleteJobAsync(trace.Id, cancellationToken).ConfigureAwait(false);
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

        if (!trace.UploadStarted)
        {
            return;
        }

        foreach (var key in JobObjectKeys.All(trace.Id))
        {
            try
            {
                await storage.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageException exception)
            {
                reporter.Line(QrunMessages.ObjectCleanupFailed(exception.Message));
            }
            catch (OperationCanceledException)
            {
                reporter.Line(QrunMessages.ObjectCleanupTimedOut(storage.Bucket, key));
            }
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
