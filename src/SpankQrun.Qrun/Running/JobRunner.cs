using System.Net;
using SpankQrun.DirectAccess;
using SpankQrun.DirectAccess.Auth;
using SpankQrun.DirectAccess.Http;
using SpankQrun.DirectAccess.Jobs;
using SpankQrun.DirectAccess.Storage;
using SpankQrun.Primitives;
using SpankQrun.Qrun.Checking;
using SpankQrun.Qrun.Configuration;
using SpankQrun.Qrun.Gateway;
using SpankQrun.Qrun.Output;
using SpankQrun.Qrun.Slurm;

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

    /// <summary>How far the run got; read after <see cref="RunAsync"/> to describe how it ended.</summary>
    public JobTrace Trace { get; } = new(Guid.NewGuid().ToString());

    public async Task<int> RunAsync(QrunRequest request, CancellationToken interruption)
    {
        if (GatewaySettings.IsGatewayMode(host.Environment))
        {
            return await new GatewayJobRunner(host, reporter, output, interruptedExitCode, Trace).RunAsync(request, interruption).ConfigureAwait(false);
        }

        var (preflight, exitCode) = RunPreflight.Run(
            host, reporter, request, QrunSettingsReader.Read, settings => settings.Primitive, interruptedExitCode, interruption);
        if (preflight is null)
        {
            return exitCode;
        }

        var (input, settings, timeLeftQuery) = preflight;
        // After the checks, not beside them: loading OpenSSL there (with squeue starting) doubled their time in a Slurm
        // job (8 -> 16 ms median from qrun's start to squeue's).
        TlsWarmUp.StartIfAnyHttps(settings.DirectAccessEndpoint, (settings.Credentials as IamCredentials)?.IamEndpoint, settings.Storage.Endpoint);
        var timeLeft = timeLeftQuery!; // asked: askTimeLeft is left true

        var trace = Trace;
        var retry = request.HttpTimeout is { } attemptTimeout ? host.Retry with { AttemptTimeout = attemptTimeout } : host.Retry;
        using var storage = new JobStorage(settings.Storage with { RequestTimeout = retry.AttemptTimeout });
        using var client = new DirectAccessClient(new DirectAccessClientOptions(settings.DirectAccessEndpoint, settings.Credentials)
        {
            Retry = retry,
            Log = reporter.Line,
            Time = host.Time,
        });

        Task? removal = null;
        var deletions = new ObjectDeletions(storage, host.StorageCleanupTimeout);
        try
        {
            var (job, timeout) = await SubmitAndWaitAsync(settings, input, request, timeLeft, trace, storage, client, interruption).ConfigureAwait(false);

            // A final job needs nothing more from Direct Access: deleting it now frees its execution lane while the
            // results and the log come down.
            removal = RemoveJobAsync(trace, client);
            return await DeliverAsync(job, timeout, request.ResultsPath, trace, storage, deletions, interruption).ConfigureAwait(false);
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
            await CleanUpAsync(trace, storage, deletions, client, removal).ConfigureAwait(false);
        }
    }

    private async Task<(JobInfo Job, JobTimeout Timeout)> SubmitAndWaitAsync(
        QrunSettings settings,
        byte[] input,
        QrunRequest request,
        Task<TimeSpan?> timeLeftQuery,
        JobTrace trace,
        JobStorage storage,
        DirectAccessClient client,
        CancellationToken cancellationToken)
    {
        var id = trace.Id;

        // The token, the upload and Slurm's time left (squeue, some 17 ms) need nothing from each other: one wait,
        // not three. The presigned URLs' lifetime and the timeout need the time left. When the credentials are
        // refused, the input is uploaded all the same and cleanup deletes it; the token's failure is the one reported
        // (WhenAll rethrows the first task's).
        var authentication = client.AuthenticateAsync(cancellationToken);
        var upload = UploadInputAsync(storage, input, trace, cancellationToken);
        TimeSpan? timeLeft;
        try
        {
            timeLeft = await timeLeftQuery.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Interrupted: cleanup must know whether the upload made an object, so it has to have ended.
            await Task.WhenAny(Task.WhenAll(authentication, upload)).ConfigureAwait(false);
            throw;
        }

        trace.SlurmDeadline = timeLeft is { } limit ? host.Time.GetUtcNow() + limit : null;
        var timeout = JobTimeout.Choose(timeLeft, request.TimeoutSeconds, host.MaxTimeoutSeconds);
        var urls = PresignAsync(storage, id, UrlLifetime(timeLeft));
        await Task.WhenAll(authentication, upload, urls).ConfigureAwait(false);
        var submission = new JobSubmission
        {
            Id = id,
            Backend = settings.Backend,
            ProgramId = settings.Primitive.ToProgramId(),
            TimeoutSecs = timeout.Seconds,
            LogLevel = request.LogLevel,
            Storage = await urls.ConfigureAwait(false),
        };

        cancellationToken.ThrowIfCancellationRequested();
        trace.SubmitStarted = true;
        try
        {
            await client.SubmitJobAsync(submission, cancellationToken).ConfigureAwait(false);
        }
        catch (DirectAccessException exception) when (exception.Failure is DirectAccessFailure.Refused or DirectAccessFailure.Authentication)
        {
            // The service answered no: there is no job to cancel or delete.
            trace.SubmitRefused = true;
            if (exception.StatusCode == (int)HttpStatusCode.Locked)
            {
                // 423 (code 1233): the backend is reserved. The service's own wording need not name it, so qrun does.
                throw new QrunFailure(ExitCodes.UsageOrConfiguration, QrunMessages.BackendReserved(settings.Backend, exception.Message));
            }

            throw;
        }

        reporter.Line(QrunMessages.Submitted(id, settings.Backend, submission.ProgramId, timeout));

        var job = await WaitUntilFinalAsync(client, trace, cancellationToken).ConfigureAwait(false);
        trace.SeenFinal = true;
        return (job, timeout);
    }

    private static async Task UploadInputAsync(JobStorage storage, byte[] input, JobTrace trace, CancellationToken cancellationToken)
    {
        await storage.PutAsync(JobObjectKeys.Input(trace.Id), input, cancellationToken).ConfigureAwait(false);
        trace.InputUploaded = true;
    }

    /// <summary>How long the service's URLs stay valid: the Slurm time left and a margin, at most the SigV4 limit.</summary>
    private static TimeSpan UrlLifetime(TimeSpan? timeLeft) =>
        timeLeft is { } remaining && remaining + UrlLifetimeMargin < MaxUrlLifetime ? remaining + UrlLifetimeMargin : MaxUrlLifetime;

    private static async Task<JobStorageLocations> PresignAsync(JobStorage storage, string id, TimeSpan urlLifetime) => new()
    {
        Input = new StorageLocation { PresignedUrl = await storage.PresignDownloadAsync(JobObjectKeys.Input(id), urlLifetime).ConfigureAwait(false) },
        Results = new StorageLocation { PresignedUrl = await storage.PresignUploadAsync(JobObjectKeys.Results(id), urlLifetime).ConfigureAwait(false) },
        Logs = new StorageLocation { PresignedUrl = await storage.PresignUploadAsync(JobObjectKeys.Logs(id), urlLifetime).ConfigureAwait(false) },
    };

    private Task<JobInfo> WaitUntilFinalAsync(DirectAccessClient client, JobTrace trace, CancellationToken cancellationToken) =>
        new StatusPoller(host, reporter).UntilFinalAsync(
            trace.Id,
            async token => await client.FindJobAsync(trace.Id, token).ConfigureAwait(false) ?? throw Vanished(trace),
            job => job.Status,
            job => job.KnownStatus.IsFinal(),
            cancellationToken);

    private static QrunFailure Vanished(JobTrace trace)
    {
        trace.JobVanished = true;
        return new QrunFailure(ExitCodes.ServiceUnavailable, QrunMessages.JobNotListed(trace.Id));
    }
}
