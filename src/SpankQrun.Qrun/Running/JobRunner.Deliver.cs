using System.Text;
using System.Text.Json;
using SpankQrun.DirectAccess.Jobs;
using SpankQrun.DirectAccess.Storage;
using SpankQrun.Qrun.Output;

namespace SpankQrun.Qrun.Running;

/// <summary>What happens once the job is final: results to --results or stdout, service log to stderr.</summary>
internal sealed partial class JobRunner
{
    private async Task<int> DeliverAsync(JobInfo job, string? resultsPath, JobStorage storage, CancellationToken cancellationToken)
    {
        var status = job.KnownStatus;
        if (status == JobStatus.Completed)
        {
            var results = await storage.GetAsync(JobObjectKeys.Results(job.Id), cancellationToken).ConfigureAwait(false)
                ?? throw new QrunFailure(ExitCodes.ServiceUnavailable, QrunMessages.ResultsMissing(job.Id, storage.Bucket, JobObjectKeys.Results(job.Id)));
            byte[] pretty;
            try
            {
                pretty = JsonPretty.Format(results);
            }
            catch (JsonException exception)
            {
                throw new QrunFailure(ExitCodes.ServiceUnavailable, QrunMessages.ResultsNotJson(job.Id, exception.Message));
            }

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

        await CopyServiceLogAsync(job.Id, storage, cancellationToken).ConfigureAwait(false);

        switch (status)
        {
            case JobStatus.Completed:
                return ExitCodes.Completed;
            case JobStatus.Failed:
                reporter.Line(QrunMessages.JobFailed(job.Id, job.ReasonCode, job.ReasonMessage, job.ReasonSolution));
                return ExitCodes.JobFailed;
            default:
                reporter.Line(QrunMessages.JobCancelled(job.Id, job.ReasonMessage));
                return ExitCodes.JobCancelled;
        }
    }

    private async Task CopyServiceLogAsync(string id, JobStorage storage, CancellationToken cancellationToken)
    {
        byte[]? log;
        try
        {
            log = await storage.GetAsync(JobObjectKeys.Logs(id), cancellationToken).ConfigureAwait(false);
        }
        catch (StorageException exception)
        {
            reporter.Line(QrunMessages.LogUnavailable(id, exception.Message));
            return;
        }

        if (log is null || log.Length == 0)
        {
            return;
        }

        reporter.Line(QrunMessages.ServiceLogFollows(id));
        reporter.Verbatim(Encoding.UTF8.GetString(log));
    }
}
