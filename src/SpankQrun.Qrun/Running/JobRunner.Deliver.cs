using System.Text;
using System.Text.Json;
using SpankQrun.DirectAccess.Jobs;
using SpankQrun.DirectAccess.Storage;
using SpankQrun.Qrun.Output;

namespace SpankQrun.Qrun.Running;

/// <summary>
/// What happens once the job is final: results to --results or stdout, service log to stderr. Results that cannot
/// be written stay in the bucket (cleanup keeps them) and the message says where.
/// </summary>
internal sealed partial class JobRunner
{
    /// <summary>
    /// The service log's download, started right after the results' so both take one round trip; printed after them.
    /// </summary>
    private Task<byte[]?>? logDownload;
    private CancellationTokenSource? logDownloadBudget;

    /// <remarks>
    /// A final job's service is done with its objects: each one's deletion starts once nothing here needs it, beside
    /// the rest: the input's once the results are read, the results' and the log's once the results are saved (results
    /// that could not be saved keep both, and the message names both).
    /// </remarks>
    private async Task<int> DeliverAsync(
        JobInfo job, JobTimeout timeout, string? resultsPath, JobTrace trace, JobStorage storage, ObjectDeletions deletions, CancellationToken cancellationToken)
    {
        var status = job.KnownStatus;
        if (status == JobStatus.Completed)
        {
            var resultsKey = JobObjectKeys.Results(job.Id);
            // The results' read is sent first and the log's right after it: a store that serves one request at a time
            // (s3rver) then answers the results first, and they are saved while the log comes down.
            var resultsDownload = storage.GetAsync(resultsKey, cancellationToken);
            StartLogDownload(trace, storage);
            byte[]? results;
            try
            {
                results = await resultsDownload.ConfigureAwait(false);
            }
            catch (StorageException exception)
            {
                trace.KeepResults = true;
                throw new QrunFailure(ExitCodes.ServiceUnavailable, QrunMessages.ResultsNotDownloaded(job.Id, exception.Message, storage.Bucket, resultsKey));
            }
            finally
            {
                // After the results' read, not beside it: a store that serves one request at a time (s3rver) would
                // otherwise answer the deletion first.
                StartInputDeletion(trace, deletions);
            }

            if (results is null)
            {
                throw new QrunFailure(ExitCodes.ServiceUnavailable, QrunMessages.ResultsMissing(job.Id, storage.Bucket, resultsKey));
            }

            byte[] pretty;
            try
            {
                pretty = JsonPretty.Format(results);
            }
            catch (JsonException exception)
            {
                trace.KeepResults = true;
                throw new QrunFailure(ExitCodes.ServiceUnavailable, QrunMessages.ResultsNotJson(job.Id, exception.Message, storage.Bucket, resultsKey));
            }

            try
            {
                if (resultsPath is null)
                {
                    await output.WriteAsync(Encoding.UTF8.GetString(pretty).AsMemory(), cancellationToken).ConfigureAwait(false);
                    await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    ResultsWriter.WriteAtomically(resultsPath, pretty);
                    reporter.Line(QrunMessages.ResultsWritten(Path.GetFullPath(resultsPath)));
                }
            }
            catch (Exception exception) when (exception is ResultsPathException or IOException)
            {
                // Never delete what could not be saved: the objects stay, and the user is told where.
                trace.KeepResults = true;
                throw new QrunFailure(ExitCodes.UsageOrConfiguration, QrunMessages.ResultsKept(exception.Message, storage.Bucket, resultsKey, JobObjectKeys.Logs(job.Id)));
            }

            deletions.Start(resultsKey);
            StartLogDeletion(trace, deletions);
        }
        else
        {
            StartLogDownload(trace, storage);
            StartInputDeletion(trace, deletions);
            StartLogDeletion(trace, deletions);
        }

        // The failure's reason is printed once, in qrun's own line below: log lines that only repeat it are left out.
        await CopyServiceLogOnceAsync(trace, storage, status == JobStatus.Failed ? job.ReasonMessage : null).ConfigureAwait(false);

        switch (status)
        {
            case JobStatus.Completed:
                return ExitCodes.Completed;
            case JobStatus.Failed:
                reporter.Line(QrunMessages.JobFailed(job.Id, job.ReasonCode, job.ReasonMessage, job.ReasonSolution));
                if (LooksTimedOut(job, timeout))
                {
                    reporter.Line(QrunMessages.ServiceTimeoutHint(timeout));
                }

                return ExitCodes.JobFailed;
            default:
                reporter.Line(QrunMessages.JobCancelled(job.Id, job.ReasonMessage));
                return ExitCodes.JobCancelled;
        }
    }

    private void StartLogDownload(JobTrace trace, JobStorage storage)
    {
        if (trace.LogDue)
        {
            logDownloadBudget = new CancellationTokenSource(host.StorageCleanupTimeout);
            logDownload = storage.GetAsync(JobObjectKeys.Logs(trace.Id), logDownloadBudget.Token);
        }
    }

    private static void StartInputDeletion(JobTrace trace, ObjectDeletions deletions)
    {
        if (trace.InputUploaded)
        {
            deletions.Start(JobObjectKeys.Input(trace.Id));
        }
    }

    /// <summary>Starts deleting the log once its download has ended (it is printed from memory).</summary>
    private void StartLogDeletion(JobTrace trace, ObjectDeletions deletions)
    {
        if (logDownload is { } download)
        {
            deletions.StartAfter(download, JobObjectKeys.Logs(trace.Id));
        }
    }

    /// <summary>True when the service most likely stopped the job at its timeout_secs.</summary>
    private bool LooksTimedOut(JobInfo job, JobTimeout timeout) =>
        reporter.Elapsed.TotalSeconds >= timeout.Seconds - 1
        || (job.ReasonMessage?.Contains("timeout", StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>
    /// Copies the service log to stderr once per run, on every path where the job was submitted, within
    /// <paramref name="bound"/> (the cleanup's S3 budget) or, without one, a budget of its own (the download's, when
    /// it was started with the results').
    /// </summary>
    private async Task CopyServiceLogOnceAsync(JobTrace trace, JobStorage storage, string? omitLinesWith = null, CancellationToken? bound = null)
    {
        if (!trace.LogDue)
        {
            return;
        }

        trace.LogCopied = true;
        var id = trace.Id;
        byte[]? log;
        using var own = bound is null && logDownload is null ? new CancellationTokenSource(host.StorageCleanupTimeout) : null;
        using var started = logDownloadBudget;
        try
        {
            log = logDownload is { } download
                ? await (bound is { } limit ? download.WaitAsync(limit) : download).ConfigureAwait(false)
                : await storage.GetAsync(JobObjectKeys.Logs(id), bound ?? own!.Token).ConfigureAwait(false);
        }
        catch (StorageException exception)
        {
            reporter.Line(QrunMessages.LogUnavailable(id, exception.Message));
            return;
        }
        catch (OperationCanceledException)
        {
            reporter.Line(QrunMessages.LogUnavailable(id, QrunMessages.TimedOutAfter(host.StorageCleanupTimeout)));
            return;
        }

        if (log is null || log.Length == 0)
        {
            return;
        }

        var text = Encoding.UTF8.GetString(log);
        if (!string.IsNullOrWhiteSpace(omitLinesWith))
        {
            var kept = text.Split('\n').Where(line => !line.Contains(omitLinesWith, StringComparison.Ordinal)).ToList();
            text = string.Join('\n', kept);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        reporter.Line(QrunMessages.ServiceLogFollows(id));
        reporter.Verbatim(text);
    }
}
