using System.Net;
using SpankQrun.DirectAccess;
using SpankQrun.DirectAccess.Jobs;
using SpankQrun.DirectAccess.Storage;
using SpankQrun.Primitives;
using SpankQrun.Qrun.Configuration;
using SpankQrun.Qrun.Gateway;
using SpankQrun.Qrun.Output;

namespace SpankQrun.Qrun.Running;

/// <summary>
/// One qrun run: check settings and input, upload, presign, submit, poll, deliver results and logs, and
/// always remove the job and its objects again.
/// </summary>
internal sealed partial class JobRunner(QrunHost host, Reporter reporter, TextWriter output, Func<int> interruptedExitCode)
{
    private static readonly TimeSpan MaxUrlLifetime = JobStorage.MaxPresignedUrlLifetime;

    /// <summary>Added to the Slurm time left so the URLs outlive any wait qrun can do.</summary>
    private static readonly TimeSpan UrlLifetimeMargin = TimeSpan.FromMinutes(15);

    public async Task<int> RunAsync(QrunRequest request, CancellationToken interruption)
    {
        if (GatewaySettings.IsGatewayMode(host.Environment))
        {
            return await new GatewayJobRunner(host, reporter, output, interruptedExitCode).RunAsync(request, interruption).ConfigureAwait(false);
        }

        var errors = new List<string>();
        var settings = QrunSettingsReader.Read(host.Environment, errors);
        if (settings is null)
        {
            errors.ForEach(reporter.Line);
            reporter.Line(QrunMessages.SubmitWithBackend());
            return ExitCodes.UsageOrConfiguration;
        }

        var input = ReadAndValidateInput(request.InputPath, settings.Primitive);
        if (input is null)
        {
            return ExitCodes.UsageOrConfiguration;
        }

        if (request.ResultsPath is not null)
        {
            try
            {
                ResultsWriter.EnsureWritable(request.ResultsPath);
            }
            catch (ResultsPathException exception)
            {
                reporter.Line(exception.Message);
                return ExitCodes.UsageOrConfiguration;
            }
        }

        TimeSpan? timeLeft;
        try
        {
            timeLeft = await host.TimeLeft(host.Environment, reporter.Line, interruption).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (interruption.IsCancellationRequested)
        {
            return interruptedExitCode();
        }

        var trace = new JobTrace(Guid.NewGuid().ToString());
        var retry = request.HttpTimeout is { } attemptTimeout ? host.Retry with { AttemptTimeout = attemptTimeout } : host.Retry;
        using var storage = new JobStorage(settings.Storage with { RequestTimeout = retry.AttemptTimeout });
        using var client = new DirectAccessClient(new DirectAccessClientOptions(settings.DirectAccessEndpoint, settings.Credentials)
        {
            Retry = retry,
            Log = reporter.Line,
            Time = host.Time,
        });

        try
        {
            var job = await SubmitAndWaitAsync(settings, input, timeLeft, trace, storage, client, interruption).ConfigureAwait(false);
            return await DeliverAsync(job, request.ResultsPath, storage, interruption).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (interruption.IsCancellationRequested)
        {
            return interruptedExitCode();
        }
        catch (DirectAccessException exception)
        {
            reporter.Line(exception.Message);
            return exception.Failure is DirectAccessFailure.Unreachable or DirectAccessFailure.InvalidResponse
                ? ExitCodes.ServiceUnavailable
                : ExitCodes.UsageOrConfiguration;
        }
        catch (StorageException exception)
        {
            reporter.Line(exception.Message);
            return exception.IsUnreachable ? ExitCodes.ServiceUnavailable : ExitCodes.UsageOrConfiguration;
        }
        catch (ResultsPathException exception)
        {
            reporter.Line(exception.Message);
            return ExitCodes.UsageOrConfiguration;
        }
        catch (QrunFailure failure)
        {
            reporter.Line(failure.Message);
            return failure.ExitCode;
        }
        finally
        {
            await CleanUpAsync(trace, storage, client).ConfigureAwait(false);
        }
    }

    private byte[]? ReadAndValidateInput(string path, PrimitiveKind primitive)
    {
        byte[] input;
        try
        {
            input = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            reporter.Line(QrunMessages.InputUnreadable(path, exception.Message));
            return null;
        }

        var problems = PubsValidator.Validate(input, primitive);
        if (problems.Count == 0)
        {
            return input;
        }

        reporter.Line(QrunMessages.InputInvalid(path, primitive.ToProgramId(), problems.Count));
        foreach (var problem in problems)
        {
            reporter.Line(QrunMessages.InputProblem(problem.JsonPath, problem.Message));
        }

        return null;
    }

    private async Task<JobInfo> SubmitAndWaitAsync(
        QrunSettings settings,
        byte[] input,
        TimeSpan? timeLeft,
        JobTrace trace,
        JobStorage storage,
        DirectAccessClient client,
        CancellationToken cancellationToken)
    {
        var id = trace.Id;
        var timeoutSeconds = timeLeft is { } left ? Math.Max(1, (long)left.TotalSeconds) : QrunHost.DefaultJobTimeoutSeconds;
        var urlLifetime = timeLeft is { } remaining && remaining + UrlLifetimeMargin < MaxUrlLifetime ? remaining + UrlLifetimeMargin : MaxUrlLifetime;

        await client.AuthenticateAsync(cancellationToken).ConfigureAwait(false);
        trace.UploadStarted = true;
        await storage.PutAsync(JobObjectKeys.Input(id), input, cancellationToken).ConfigureAwait(false);
        var submission = new JobSubmission
        {
            Id = id,
            Backend = settings.Backend,
            ProgramId = settings.Primitive.ToProgramId(),
            TimeoutSecs = timeoutSeconds,
            Storage = new JobStorageLocations
            {
                Input = new StorageLocation { PresignedUrl = await storage.PresignDownloadAsync(JobObjectKeys.Input(id), urlLifetime).ConfigureAwait(false) },
                Results = new StorageLocation { PresignedUrl = await storage.PresignUploadAsync(JobObjectKeys.Results(id), urlLifetime).ConfigureAwait(false) },
                Logs = new StorageLocation { PresignedUrl = await storage.PresignUploadAsync(JobObjectKeys.Logs(id), urlLifetime).ConfigureAwait(false) },
            },
        };

        cancellationToken.ThrowIfCancellationRequested();
        trace.SubmitStarted = true;
        try
        {
            await client.SubmitJobAsync(submission, cancellationToken).ConfigureAwait(false);
        }
        catch (DirectAccessException exception) when (exception.StatusCode == (int)HttpStatusCode.Locked)
        {
            // 423 (code 1233): the backend is reserved. The service's own wording need not name it, so qrun does.
            throw new QrunFailure(ExitCodes.UsageOrConfiguration, QrunMessages.BackendReserved(settings.Backend, exception.Message));
        }

        reporter.Line(QrunMessages.Submitted(id, settings.Backend, submission.ProgramId, timeoutSeconds, timeLeft is not null));

        var job = await WaitUntilFinalAsync(client, id, cancellationToken).ConfigureAwait(false);
        trace.SeenFinal = true;
        return job;
    }

    private async Task<JobInfo> WaitUntilFinalAsync(DirectAccessClient client, string id, CancellationToken cancellationToken)
    {
        string? lastStatus = null;
        var unchangedPolls = 0;
        while (true)
        {
            var job = await client.FindJobAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new QrunFailure(ExitCodes.ServiceUnavailable, QrunMessages.JobNotListed(id));
            if (!string.Equals(job.Status, lastStatus, StringComparison.Ordinal))
            {
                reporter.Line(QrunMessages.StatusChanged(id, job.Status, reporter.Elapsed));
                lastStatus = job.Status;
                unchangedPolls = 0;
            }
            else
            {
                unchangedPolls++;
            }

            if (job.KnownStatus.IsFinal())
            {
                return job;
            }

            await Task.Delay(host.Poll.DelayFor(unchangedPolls), host.Time, cancellationToken).ConfigureAwait(false);
        }
    }
}
