using System.Net;
using System.Text;
using System.Text.Json;
using SpankQrun.DirectAccess.Http;
using SpankQrun.DirectAccess.Jobs;
using SpankQrun.Gateway.Contract;
using SpankQrun.Primitives;
using SpankQrun.Qrun.Checking;
using SpankQrun.Qrun.Configuration;
using SpankQrun.Qrun.Output;
using SpankQrun.Qrun.Running;
using SpankQrun.Qrun.Slurm;

namespace SpankQrun.Qrun.Gateway;

/// <summary>
/// One qrun run in gateway mode: the same command line, progress lines, results file and exit codes as
/// direct mode, with the site gateway acting for the job. qrun uploads the input and downloads the
/// results itself through the presigned URLs the gateway hands out, and always removes the job again.
/// </summary>
internal sealed class GatewayJobRunner(QrunHost host, Reporter reporter, TextWriter output, Func<int> interruptedExitCode, JobTrace trace)
{
    /// <summary>The final job's removal, started once its results and log are in memory (see DeliverAsync).</summary>
    private Task<string?>? removal;

    /// <summary>The Slurm time left, when qrun has to ask squeue itself (see UploadAndSubmitAsync); stopped at the end.</summary>
    private Task<TimeSpan?>? timeLeftQuery;

    public async Task<int> RunAsync(QrunRequest request, CancellationToken interruption)
    {
        // The gateway reads the Slurm time left from its own record of the job: no squeue here (some 10 ms of a
        // job's two cores), unless the gateway does not say.
        // Each request's MUNGE credential is made ahead, while qrun waits for something else (PreparedCredentials).
        var credentials = new PreparedCredentials(host.GatewayCredential, host.Time);
        var (preflight, exitCode) = RunPreflight.Run(
            host, reporter, request, GatewaySettings.Read, settings => settings.Primitive, interruptedExitCode, interruption, askTimeLeft: false,
            onSettingsRead: settings => credentials.Prepare(GatewayClient.PayloadFor(settings.Gateway, HttpMethod.Post, GatewayPaths.Jobs)));
        if (preflight is null)
        {
            return exitCode;
        }

        var (input, settings, _) = preflight;
        var retry = request.HttpTimeout is { } attemptTimeout ? host.Retry with { AttemptTimeout = attemptTimeout } : host.Retry;
        TlsWarmUp.StartIfAnyHttps(settings.Gateway);
        using var client = new GatewayClient(settings.Gateway, retry, reporter.Line, credentials);
        // Cancelled by a signal, or at the end of the run if squeue is still asked (it is killed).
        using var timeLeftStop = CancellationTokenSource.CreateLinkedTokenSource(interruption);
        string? id = null;
        try
        {
            // A small input goes inside the creation, under an id qrun chooses, and the gateway submits the job in that
            // one request with the timeout it chooses from its own record of the Slurm job: one round trip, one
            // credential and no upload fewer. The first poll's credential is made meanwhile.
            var inlineId = InlineInputAllowed(input) ? Guid.NewGuid().ToString() : null;
            // The JSON value alone: whitespace around it (a file's last newline) means nothing, and the gateway reads
            // and stores the value without it.
            var inlineInput = inlineId is null ? null : new InlineInput(TrimmedOfJsonWhitespace(input));
            if (inlineId is not null)
            {
                client.PrepareStatus(inlineId);
                trace.Id = inlineId;
                trace.SubmitStarted = true;
            }

            CreateJobResponse created;
            try
            {
                created = await RefusalsExplainedAsync(
                    settings,
                    () => client.CreateJobAsync(
                        new CreateJobRequest
                        {
                            SlurmJobId = settings.SlurmJobId,
                            SlurmStepId = settings.SlurmStepId,
                            Backend = settings.Backend,
                            ProgramId = settings.Primitive.ToProgramId(),
                            TimeoutSecs = request.TimeoutSeconds is { } requested ? (int)Math.Min(requested, int.MaxValue) : null,
                            LogLevel = request.LogLevel,
                            InputBytes = inlineInput?.Utf8.Length ?? input.Length,
                            Id = inlineId,
                            Input = inlineInput,
                        },
                        interruption)).ConfigureAwait(false);
            }
            catch (Exception) when (inlineId is not null)
            {
                // An attempt may have reached the gateway and recorded or submitted the job (a refusal by Direct Access
                // comes after the input is stored): it is removed like any other. For a job the gateway never recorded,
                // that is one request answered 404.
                id = inlineId;
                throw;
            }

            id = created.Id;
            trace.Id = id;
            JobTimeout timeout;
            if (created.Status is not null)
            {
                trace.InputUploaded = true;
                trace.SlurmDeadline = created.SlurmTimeLimitKnown ? created.SlurmEndTime : null;
                timeout = new JobTimeout(created.TimeoutSecs.GetValueOrDefault(), SourceOf(created.TimeoutSource));
            }
            else
            {
                // Created only (a larger input, or a gateway that predates inline inputs): upload, then submit.
                trace.SubmitStarted = false;
                timeout = await UploadAndSubmitAsync(client, settings, request, input, created, timeLeftStop.Token, interruption).ConfigureAwait(false);
            }

            reporter.Line(QrunMessages.Submitted(id, settings.Backend, settings.Primitive.ToProgramId(), timeout));
            var job = await WaitUntilFinalAsync(client, id, interruption).ConfigureAwait(false);
            trace.SeenFinal = true;
            return await DeliverAsync(client, job, request.ResultsPath, interruption).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (interruption.IsCancellationRequested)
        {
            return interruptedExitCode();
        }
        catch (GatewayFailure failure)
        {
            reporter.Line(failure.Message);
            return failure.ExitCode;
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
            if (timeLeftQuery is not null)
            {
                await StopAsync(timeLeftQuery, timeLeftStop).ConfigureAwait(false);
            }

            if (id is not null)
            {
                await CleanUpAsync(client, id).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The two-request path: the input goes to storage through the presigned URL, then the job is submitted with the
    /// timeout qrun chooses. The time left is needed only for that timeout: the creation carries only an explicit
    /// --timeout (a gateway that reads no submit body still honours that one).
    /// </summary>
    private async Task<JobTimeout> UploadAndSubmitAsync(
        GatewayClient client, GatewaySettings settings, QrunRequest request, byte[] input, CreateJobResponse created, CancellationToken timeLeftStop, CancellationToken interruption)
    {
        var id = created.Id;
        // The submit's credential and the first poll's, made while the input is uploaded.
        client.PrepareSubmit(id);
        client.PrepareStatus(id);
        // A gateway that could not read the time limit (or predates slurm_time_limit_known) leaves it to qrun:
        // squeue then answers while the input is uploaded.
        timeLeftQuery = created.SlurmTimeLimitKnown
            ? Task.FromResult(JobTimeout.TimeLeftUntil(created.SlurmEndTime, host.Time.GetUtcNow()))
            : host.TimeLeft(host.Environment, reporter.Line, timeLeftStop);
        var uploadUrl = created.InputUploadUrl is { Length: > 0 } url ? url : throw new GatewayFailure(ExitCodes.ServiceUnavailable, GatewayMessages.UploadUrlMissing(id));
        await client.UploadAsync(uploadUrl, input, interruption).ConfigureAwait(false);
        trace.InputUploaded = true;
        var timeLeft = await timeLeftQuery.ConfigureAwait(false);
        trace.SlurmDeadline = timeLeft is { } limit ? host.Time.GetUtcNow() + limit : null;
        var timeout = JobTimeout.Choose(timeLeft, request.TimeoutSeconds, host.MaxTimeoutSeconds);
        interruption.ThrowIfCancellationRequested();
        trace.SubmitStarted = true;
        await RefusalsExplainedAsync(settings, () => client.SubmitAsync(id, (int)Math.Min(timeout.Seconds, int.MaxValue), interruption)).ConfigureAwait(false);
        return timeout;
    }

    /// <summary>A submission's refusal (4xx) is recorded as such; a reserved backend (423) is said in so many words.</summary>
    private async Task<T> RefusalsExplainedAsync<T>(GatewaySettings settings, Func<Task<T>> submission)
    {
        try
        {
            return await submission().ConfigureAwait(false);
        }
        catch (GatewayFailure failure) when (failure.StatusCode is >= 400 and < 500)
        {
            trace.SubmitRefused = true;
            if (failure.StatusCode == (int)HttpStatusCode.Locked)
            {
                throw new GatewayFailure(ExitCodes.UsageOrConfiguration, QrunMessages.BackendReserved(settings.Backend, failure.Message));
            }

            throw;
        }
    }

    /// <summary>
    /// Whether the input may go inside the creation: small enough, and without a byte-order mark (a JSON value inside
    /// a JSON document cannot carry one; such a file goes to storage as it is).
    /// </summary>
    private static bool InlineInputAllowed(byte[] input) =>
        input.Length <= InlineInput.MaxBytes && !input.AsSpan().StartsWith("\uFEFF"u8);

    private static ReadOnlyMemory<byte> TrimmedOfJsonWhitespace(byte[] input)
    {
        ReadOnlySpan<byte> whitespace = " \t\r\n"u8;
        var start = input.AsSpan().IndexOfAnyExcept(whitespace);
        return start < 0 ? input : input.AsMemory(start, input.AsSpan().LastIndexOfAnyExcept(whitespace) - start + 1);
    }

    /// <summary>The reason the gateway gave for the timeout it chose (one of <see cref="TimeoutSources"/>).</summary>
    private static JobTimeoutSource SourceOf(string? source) => source switch
    {
        TimeoutSources.SlurmTimeLeft => JobTimeoutSource.SlurmTimeLeft,
        TimeoutSources.Requested => JobTimeoutSource.Requested,
        TimeoutSources.SiteMaximum => JobTimeoutSource.SiteMaximum,
        TimeoutSources.Default => JobTimeoutSource.Default,
        TimeoutSources.SlurmLimitUnknown => JobTimeoutSource.SlurmLimitUnknown,
        _ => JobTimeoutSource.Unstated,
    };

    private static async Task StopAsync(Task<TimeSpan?> timeLeftQuery, CancellationTokenSource stop)
    {
        if (!timeLeftQuery.IsCompleted)
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await timeLeftQuery.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped here or by a signal: the run's outcome is already decided.
        }
    }

    private Task<JobView> WaitUntilFinalAsync(GatewayClient client, string id, CancellationToken cancellationToken) =>
        new StatusPoller(host, reporter).UntilFinalAsync(
            id,
            async token =>
            {
                try
                {
                    var job = await client.GetJobAsync(id, token).ConfigureAwait(false);
                    // The next request's credential, made while qrun waits for the next poll or downloads the results.
                    if (GatewayJobStatus.IsFinal(job.Status))
                        client.PrepareDelete(id);
                    else
                        client.PrepareStatus(id);
                    return job;
                }
                catch (GatewayFailure failure) when (failure.StatusCode == (int)HttpStatusCode.NotFound)
                {
                    throw new GatewayFailure(ExitCodes.ServiceUnavailable, GatewayMessages.JobGone(id));
                }
            },
            job => job.Status,
            job => GatewayJobStatus.IsFinal(job.Status),
            cancellationToken);

    private async Task<int> DeliverAsync(GatewayClient client, JobView job, string? resultsPath, CancellationToken cancellationToken)
    {
        // The log comes down alongside the results (one round trip, not two) and is printed after them. The results'
        // read is sent first: a store that serves one request at a time (s3rver) then answers it first, and the results
        // are saved while the log comes down.
        var resultsDownload = job.Status == GatewayJobStatus.Completed && job.ResultsUrl is { Length: > 0 } url
            ? client.DownloadAsync(url, cancellationToken)
            : null;
        var logDownload = job.LogsUrl is { Length: > 0 } logsUrl ? client.DownloadAsync(logsUrl, cancellationToken) : null;
        var results = job.Status == GatewayJobStatus.Completed
            ? (resultsDownload is null ? null : await resultsDownload.ConfigureAwait(false))
                ?? throw new QrunFailure(ExitCodes.ServiceUnavailable, GatewayMessages.ResultsUrlMissing(job.Id))
            : null;
        // Once the results and the log are in memory, the job's DELETE (qrun's last request, answered when the usage
        // is written) goes out while the results file is written and the log printed: the run then ends one round trip
        // sooner. It changes nothing qrun would otherwise do: the job is deleted at the end whatever the writing gives
        // (RunAsync's finally), and the gateway keeps nothing for a job once its Slurm job has ended.
        if (logDownload is not null)
        {
            await EndedAsync(logDownload).ConfigureAwait(false);
        }

        removal = RemoveAsync(client, job.Id);
        if (results is not null)
        {
            byte[] pretty;
            try
            {
                pretty = JsonPretty.Format(results);
            }
            catch (JsonException exception)
            {
                throw new QrunFailure(ExitCodes.ServiceUnavailable, GatewayMessages.ResultsNotJson(job.Id, exception.Message));
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

        await CopyServiceLogAsync(job, logDownload).ConfigureAwait(false);
        switch (job.Status)
        {
            case GatewayJobStatus.Completed:
                return ExitCodes.Completed;
            case GatewayJobStatus.Failed:
                reporter.Line(QrunMessages.JobFailed(job.Id, job.ReasonCode, job.ReasonMessage, job.ReasonSolution));
                return ExitCodes.JobFailed;
            default:
                reporter.Line(QrunMessages.JobCancelled(job.Id, job.ReasonMessage));
                return ExitCodes.JobCancelled;
        }
    }

    private async Task CopyServiceLogAsync(JobView job, Task<byte[]?>? logDownload)
    {
        if (logDownload is null)
        {
            return;
        }

        byte[]? log;
        try
        {
            log = await logDownload.ConfigureAwait(false);
        }
        catch (GatewayFailure failure)
        {
            reporter.Line(QrunMessages.LogUnavailable(job.Id, failure.Message));
            return;
        }

        if (log is null || log.Length == 0)
        {
            return;
        }

        reporter.Line(QrunMessages.ServiceLogFollows(job.Id));
        reporter.Verbatim(Encoding.UTF8.GetString(log));
    }

    /// <summary>Waits for a download to end, whatever its outcome (the caller reads that outcome later).</summary>
    private static async Task EndedAsync(Task<byte[]?> download)
    {
        try
        {
            await download.ConfigureAwait(false);
        }
        catch (GatewayFailure)
        {
            // Reported where the log is printed.
        }
    }

    /// <summary>The job's removal: the one DeliverAsync started, or one started now; its problem, if any, is printed last.</summary>
    private async Task CleanUpAsync(GatewayClient client, string id)
    {
        if (await (removal ?? RemoveAsync(client, id)).ConfigureAwait(false) is { } problem)
        {
            reporter.Line(problem);
        }
    }

    // Bounded, on its own token (not the interrupted one): a job not seen final is cancelled and waited
    // for, then deleted, which makes the gateway delete the Direct Access job and the job's objects.
    // Should this fail, the gateway still cleans up once the Slurm job ends. Returns the line that says why it failed.
    private async Task<string?> RemoveAsync(GatewayClient client, string id)
    {
        using var bound = new CancellationTokenSource(host.CleanupTimeout);
        var cancellationToken = bound.Token;
        try
        {
            if (!trace.SeenFinal)
            {
                await CancelAndWaitAsync(client, id, cancellationToken).ConfigureAwait(false);
            }

            await client.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
            trace.JobRemoved = true;
            return null;
        }
        catch (GatewayFailure failure) when (failure.StatusCode == (int)HttpStatusCode.NotFound)
        {
            trace.JobRemoved = true;
            return null;
        }
        catch (GatewayFailure failure)
        {
            return QrunMessages.JobCleanupFailed(id, failure.Message);
        }
        catch (OperationCanceledException)
        {
            return QrunMessages.JobCleanupTimedOut(id, host.CleanupTimeout);
        }
    }

    private async Task CancelAndWaitAsync(GatewayClient client, string id, CancellationToken cancellationToken)
    {
        try
        {
            await client.CancelAsync(id, cancellationToken).ConfigureAwait(false);
            reporter.Line(QrunMessages.CancelRequested(id));
        }
        catch (GatewayFailure failure) when (failure.StatusCode == (int)HttpStatusCode.Conflict)
        {
            // Final already, or never submitted: nothing to cancel.
            return;
        }

        while (true)
        {
            var job = await client.GetJobAsync(id, cancellationToken).ConfigureAwait(false);
            if (GatewayJobStatus.IsFinal(job.Status) || job.Status == GatewayJobStatus.Uploading)
            {
                reporter.Line(QrunMessages.StatusChanged(id, job.Status, reporter.Elapsed));
                return;
            }

            await Task.Delay(host.CleanupPollInterval, host.Time, cancellationToken).ConfigureAwait(false);
        }
    }
}
