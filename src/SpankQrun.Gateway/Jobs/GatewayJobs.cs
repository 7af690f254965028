using System.Collections.Concurrent;
using SpankQrun.DirectAccess;
using SpankQrun.DirectAccess.Jobs;
using SpankQrun.DirectAccess.Storage;
using SpankQrun.Gateway.Api;
using SpankQrun.Gateway.Auth;
using SpankQrun.Gateway.Configuration;
using SpankQrun.Gateway.Contract;
using SpankQrun.Gateway.Slurm;
using SpankQrun.Gateway.Store;

namespace SpankQrun.Gateway.Jobs;

/// <summary>What each endpoint does, for one authenticated caller.</summary>
public sealed class GatewayJobs(
    GatewaySettings settings,
    GatewayStore store,
    SlurmJobCache slurm,
    BackendServices backends,
    JobStatusUpdater updater,
    JobEndNotifier jobEnds,
    JobRemovals removals,
    TimeProvider time,
    ILogger<GatewayJobs> logger)
{
    private static readonly string[] Primitives = ["sampler", "estimator"];
    private static readonly string[] LogLevels = ["debug", "info", "warning", "error", "critical"];

    private const string OwnerDeleted = "deleted by its owner";

    /// <summary>The ids of inline creations being handled now (see CreateAndSubmitAsync).</summary>
    private readonly ConcurrentDictionary<string, byte> inlineInFlight = new(StringComparer.Ordinal);

    public async Task<CreateJobResponse> CreateAsync(Caller caller, CreateJobRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var slurmJob = await AuthorizeAsync(caller, request.SlurmJobId, request.Backend, cancellationToken).ConfigureAwait(false);
        if (request.Input is { } input)
            return await CreateAndSubmitAsync(caller, request, input.Utf8.ToArray(), slurmJob, cancellationToken).ConfigureAwait(false);

        var job = NewJob(caller, request, slurmJob, Guid.NewGuid().ToString());
        job.TimeoutSecs = request.TimeoutSecs ?? Math.Min(settings.MaxTimeoutSecs, 86400);
        job.InputBytes = request.InputBytes;
        var url = await StorageCallAsync(() => backends.Storage(job.Backend).PresignUploadAsync(JobObjectKeys.Input(job.Id), settings.UploadUrlLifetime)).ConfigureAwait(false);
        await store.InsertAsync(job, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("job {Id} created for Slurm job {SlurmJob} step {Step} uid {Uid} backend {Backend} {Program} input {Bytes} bytes",
            job.Id, job.SlurmJobId, job.SlurmStepId, job.Uid, job.Backend, job.ProgramId, job.InputBytes);
        // The time limit comes from the record just used to authorize: qrun needs no squeue of its own for the timeout.
        return new CreateJobResponse
        {
            Id = job.Id,
            InputUploadUrl = url,
            InputUploadExpiresAt = job.CreatedTime + settings.UploadUrlLifetime,
            SlurmTimeLimitKnown = slurmJob.TimeLimitKnown,
            SlurmEndTime = slurmJob.EndTime,
        };
    }

    public async Task<JobView> SubmitAsync(Caller caller, string id, SubmitJobRequest request, CancellationToken cancellationToken)
    {
        ValidateTimeout(request.TimeoutSecs);
        var job = await OwnJobAsync(caller, id, cancellationToken).ConfigureAwait(false);
        await AuthorizeAsync(caller, job.SlurmJobId, job.Backend, cancellationToken).ConfigureAwait(false);
        if (job.IsSubmitted || job.Status != GatewayJobStatus.Uploading)
            throw new GatewayProblem(409, GatewayErrorCodes.Conflict, GatewayMessages.AlreadySubmitted(id, job.Status), GatewayMessages.AlreadySubmittedSolution);

        var storage = backends.Storage(job.Backend);
        var size = await StorageCallAsync(() => storage.SizeAsync(JobObjectKeys.Input(job.Id), cancellationToken)).ConfigureAwait(false)
            ?? throw new GatewayProblem(409, GatewayErrorCodes.Conflict, GatewayMessages.InputNotUploaded(id), GatewayMessages.InputNotUploadedSolution);
        if (size > settings.MaxInputBytes)
        {
            await StorageCallAsync(async () => { await storage.DeleteAsync(JobObjectKeys.Input(job.Id), cancellationToken).ConfigureAwait(false); return 0; }).ConfigureAwait(false);
            throw new GatewayProblem(413, GatewayErrorCodes.TooLarge, GatewayMessages.InputTooLarge(size, settings.MaxInputBytes), GatewayMessages.InputTooLargeSolution);
        }

        job.TimeoutSecs = request.TimeoutSecs ?? job.TimeoutSecs;
        job.InputBytes = size;
        await SubmitToDirectAccessAsync(job, storage, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("job {Id} submitted to Direct Access for Slurm job {SlurmJob} uid {Uid} backend {Backend} timeout {Timeout} s",
            job.Id, job.SlurmJobId, job.Uid, job.Backend, job.TimeoutSecs);
        return await ViewAsync(job).ConfigureAwait(false);
    }

    /// <summary>
    /// The one-request path for a small input (<see cref="InlineInput.MaxBytes"/>): the gateway stores the input
    /// itself, chooses the timeout from its own record of the Slurm job, and submits. The job's record is written
    /// before anything reaches Direct Access, as in the two-request path, so that a job the gateway submitted is
    /// always one it will clean up. The id is the client's, so a retried request finds the job of the attempt whose
    /// answer was lost: still uploading, it is carried on; submitted, it is 409 (qrun then reads it), never run twice.
    /// </summary>
    private async Task<CreateJobResponse> CreateAndSubmitAsync(Caller caller, CreateJobRequest request, byte[] input, SlurmJobRecord slurmJob, CancellationToken cancellationToken)
    {
        var id = request.Id!;
        // One attempt per id at a time in this instance: a second one while the first runs (its client gave up
        // waiting) is 409 at once, and never stores or submits beside it.
        if (!inlineInFlight.TryAdd(id, 0))
            throw IdTaken(id);
        try
        {
            return await CreateAndSubmitOnceAsync(caller, request, input, slurmJob, id, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            inlineInFlight.TryRemove(id, out _);
        }
    }

    private async Task<CreateJobResponse> CreateAndSubmitOnceAsync(Caller caller, CreateJobRequest request, byte[] input, SlurmJobRecord slurmJob, string id, CancellationToken cancellationToken)
    {
        var existing = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (existing is not null && (existing.Uid != caller.Uid || existing.DeletedTime is not null || existing.IsSubmitted
            || existing.Status != GatewayJobStatus.Uploading || removals.IsRemoving(id) || existing.SlurmJobId != request.SlurmJobId
            || existing.Backend != request.Backend || existing.ProgramId != request.ProgramId))
            throw IdTaken(id);

        var timeout = ChooseTimeout(slurmJob, request.TimeoutSecs);
        var job = existing ?? NewJob(caller, request, slurmJob, id);
        job.TimeoutSecs = (int)timeout.Seconds;
        job.InputBytes = input.Length;
        var storage = backends.Storage(job.Backend);
        // The record's write and the input's upload do not depend on each other; Direct Access sees the job only after
        // both. A job carried on keeps the input an earlier attempt stored in full: Direct Access may be reading it, and
        // on a store whose writes are not atomic (s3rver) a read during a rewrite fails.
        var key = JobObjectKeys.Input(id);
        var upload = existing is not null && await StorageCallAsync(() => storage.SizeAsync(key, cancellationToken)).ConfigureAwait(false) == input.Length
            ? Task.FromResult(0)
            : StorageCallAsync(async () => { await storage.PutAsync(key, input, cancellationToken).ConfigureAwait(false); return 0; });
        var insert = existing is null ? store.InsertAsync(job, cancellationToken) : Task.CompletedTask;
        try
        {
            await Task.WhenAll(upload, insert).ConfigureAwait(false);
        }
        catch (GatewayStoreException) when (existing is null)
        {
            // Another gateway instance took the same request's other attempt and recorded the job first.
            if (await store.FindAsync(id, cancellationToken).ConfigureAwait(false) is not null)
                throw IdTaken(id);
            throw;
        }

        try
        {
            await SubmitToDirectAccessAsync(job, storage, cancellationToken).ConfigureAwait(false);
        }
        catch (GatewayProblem problem) when (problem.StatusCode is >= 400 and < 500 and not 409)
        {
            // Refused for good: the record ends, so that a client reading the job (after a retried attempt's 409) sees
            // the refusal instead of a job that stays uploading. A 409 is not a refusal: another attempt of the same
            // request submitted the job first, and it runs.
            job.Status = GatewayJobStatus.Failed;
            job.EndTime = time.GetUtcNow();
            (job.ReasonCode, job.ReasonMessage, job.ReasonSolution) = (problem.Code, problem.Message, problem.Solution);
            await store.UpdateAsync(job, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        logger.LogInformation("job {Id} created for Slurm job {SlurmJob} step {Step} uid {Uid} backend {Backend} {Program} input {Bytes} bytes inline, submitted to Direct Access with timeout {Timeout} s ({Source})",
            job.Id, job.SlurmJobId, job.SlurmStepId, job.Uid, job.Backend, job.ProgramId, job.InputBytes, job.TimeoutSecs, WireName(timeout.Source));
        return new CreateJobResponse
        {
            Id = job.Id,
            Status = job.Status,
            TimeoutSecs = job.TimeoutSecs,
            TimeoutSource = WireName(timeout.Source),
            SlurmTimeLimitKnown = slurmJob.TimeLimitKnown,
            SlurmEndTime = slurmJob.EndTime,
        };
    }

    /// <summary>A new job's record, awaiting its input.</summary>
    private GatewayJob NewJob(Caller caller, CreateJobRequest request, SlurmJobRecord slurmJob, string id) => new()
    {
        Id = id,
        Uid = caller.Uid,
        UserName = slurmJob.UserName,
        Account = slurmJob.Account,
        SlurmJobId = request.SlurmJobId,
        SlurmStepId = request.SlurmStepId,
        Backend = request.Backend,
        ProgramId = request.ProgramId,
        LogLevel = request.LogLevel ?? "info",
        Status = GatewayJobStatus.Uploading,
        CreatedTime = time.GetUtcNow(),
    };

    /// <summary>
    /// The timeout qrun would choose itself (<see cref="JobTimeout.Choose"/>), from the gateway's record of the Slurm
    /// job and capped by max_timeout_secs; an explicit timeout_secs was checked against that cap already.
    /// </summary>
    private JobTimeout ChooseTimeout(SlurmJobRecord slurmJob, int? requested)
    {
        if (!slurmJob.TimeLimitKnown)
        {
            return requested is { } seconds
                ? new JobTimeout(seconds, JobTimeoutSource.Requested)
                : new JobTimeout(Math.Min(JobTimeout.DefaultSeconds, settings.MaxTimeoutSecs), JobTimeoutSource.SlurmLimitUnknown);
        }

        return JobTimeout.Choose(JobTimeout.TimeLeftUntil(slurmJob.EndTime, time.GetUtcNow()), requested, settings.MaxTimeoutSecs);
    }

    private static string WireName(JobTimeoutSource source) => source switch
    {
        JobTimeoutSource.SlurmTimeLeft => TimeoutSources.SlurmTimeLeft,
        JobTimeoutSource.Requested => TimeoutSources.Requested,
        JobTimeoutSource.SiteMaximum => TimeoutSources.SiteMaximum,
        JobTimeoutSource.SlurmLimitUnknown => TimeoutSources.SlurmLimitUnknown,
        _ => TimeoutSources.Default,
    };

    /// <summary>Submits a job whose input is stored, and records it as queued.</summary>
    private async Task SubmitToDirectAccessAsync(GatewayJob job, JobStorage storage, CancellationToken cancellationToken)
    {
        var submission = new JobSubmission
        {
            Id = job.Id,
            Backend = job.Backend,
            ProgramId = job.ProgramId,
            LogLevel = job.LogLevel,
            TimeoutSecs = job.TimeoutSecs,
            Storage = new JobStorageLocations
            {
                Input = new StorageLocation { PresignedUrl = await StorageCallAsync(() => storage.PresignDownloadAsync(JobObjectKeys.Input(job.Id), settings.ServiceUrlLifetime)).ConfigureAwait(false) },
                Results = new StorageLocation { PresignedUrl = await StorageCallAsync(() => storage.PresignUploadAsync(JobObjectKeys.Results(job.Id), settings.ServiceUrlLifetime)).ConfigureAwait(false) },
                Logs = new StorageLocation { PresignedUrl = await StorageCallAsync(() => storage.PresignUploadAsync(JobObjectKeys.Logs(job.Id), settings.ServiceUrlLifetime)).ConfigureAwait(false) },
            },
        };
        await DirectAccessCallAsync(async () => { await backends.Client(job.Backend).SubmitJobAsync(submission, cancellationToken).ConfigureAwait(false); return 0; }).ConfigureAwait(false);

        job.SubmittedTime = time.GetUtcNow();
        job.Status = GatewayJobStatus.Queued;
        await store.UpdateAsync(job, cancellationToken).ConfigureAwait(false);
    }

    public async Task<JobView> GetAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var job = await OwnJobAsync(caller, id, cancellationToken).ConfigureAwait(false);
        await AuthorizeAsync(caller, job.SlurmJobId, job.Backend, cancellationToken).ConfigureAwait(false);
        if (job.IsSubmitted && !GatewayJobStatus.IsFinal(job.Status))
            await DirectAccessCallAsync(() => updater.RefreshAsync(job, cancellationToken)).ConfigureAwait(false);
        return await ViewAsync(job).ConfigureAwait(false);
    }

    public async Task<JobList> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        var jobs = await store.ListOfUserAsync(caller.Uid, cancellationToken).ConfigureAwait(false);
        var list = new JobList();
        foreach (var job in jobs)
            list.Jobs.Add(Describe(job));
        return list;
    }

    public async Task CancelAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var job = await OwnJobAsync(caller, id, cancellationToken).ConfigureAwait(false);
        await AuthorizeAsync(caller, job.SlurmJobId, job.Backend, cancellationToken).ConfigureAwait(false);
        if (GatewayJobStatus.IsFinal(job.Status))
            return;
        if (!job.IsSubmitted)
        {
            job.Status = GatewayJobStatus.Cancelled;
            job.EndTime = time.GetUtcNow();
            await store.UpdateAsync(job, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await DirectAccessCallAsync(() => backends.Client(job.Backend).CancelJobAsync(job.Id, cancellationToken)).ConfigureAwait(false);
            await DirectAccessCallAsync(() => updater.RefreshAsync(job, cancellationToken)).ConfigureAwait(false);
        }

        logger.LogInformation("job {Id} cancelled by uid {Uid} (Slurm job {SlurmJob})", job.Id, caller.Uid, job.SlurmJobId);
    }

    public async Task DeleteAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var job = await OwnJobAsync(caller, id, cancellationToken).ConfigureAwait(false);
        await AuthorizeAsync(caller, job.SlurmJobId, job.Backend, cancellationToken).ConfigureAwait(false);
        if (job.IsSubmitted && GatewayJobStatus.IsFinal(job.Status))
        {
            // qrun's last request, once it has the results: answered when the usage is written (while the Slurm job
            // still runs), with the Direct Access job and the objects removed right after (JobRemovals).
            await jobEnds.WaitAsync(job.Id, cancellationToken).ConfigureAwait(false);
            removals.Start(job, OwnerDeleted);
            return;
        }

        if (!await DirectAccessCallAsync(() => updater.TryRemoveAsync(job, settings.CleanupWait, OwnerDeleted, cancellationToken)).ConfigureAwait(false))
            throw new GatewayProblem(409, GatewayErrorCodes.Conflict, GatewayMessages.StillStopping(id), GatewayMessages.StillStoppingSolution);
    }

    private async Task<GatewayJob> OwnJobAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out _))
            throw NotFound(id);
        var job = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        // Another user's job is answered exactly like a job that does not exist.
        if (job is null || job.Uid != caller.Uid || job.DeletedTime is not null || removals.IsRemoving(job.Id))
            throw NotFound(id);
        return job;
    }

    private static GatewayProblem NotFound(string id) =>
        new(404, GatewayErrorCodes.NotFound, GatewayMessages.JobNotFound(id), GatewayMessages.JobNotFoundSolution);

    private static GatewayProblem IdTaken(string id) =>
        new(409, GatewayErrorCodes.Conflict, GatewayMessages.JobIdTaken(id), GatewayMessages.JobIdTakenSolution);

    private async Task<SlurmJobRecord> AuthorizeAsync(Caller caller, string slurmJobId, string backend, CancellationToken cancellationToken)
    {
        SlurmJobRecord? job;
        try
        {
            job = await slurm.FindJobAsync(slurmJobId, cancellationToken).ConfigureAwait(false);
        }
        catch (SlurmUnavailableException e)
        {
            throw new GatewayProblem(503, GatewayErrorCodes.SlurmUnavailable, GatewayMessages.SlurmUnavailable(e.Message), GatewayMessages.SlurmUnavailableSolution);
        }

        string? refusal = null;
        if (job is null)
            refusal = GatewayMessages.SlurmJobUnknown(slurmJobId);
        else if (job.Uid != caller.Uid)
            refusal = GatewayMessages.SlurmJobOfOtherUser(slurmJobId, caller.Uid);
        else if (!job.IsRunning)
            refusal = GatewayMessages.SlurmJobNotRunning(slurmJobId, job.State);
        else if (job.BindingProblem is { } problem)
            refusal = GatewayMessages.SlurmJobBindingUnreadable(slurmJobId, problem);
        else if (job.BoundBackend is null)
            refusal = GatewayMessages.SlurmJobNotBound(slurmJobId);
        else if (job.BoundBackend != backend)
            refusal = GatewayMessages.StepBackendNotAllowed(slurmJobId, job.BoundBackend, backend);
        if (refusal is not null)
            throw new GatewayProblem(403, GatewayErrorCodes.NotAllowed, refusal, GatewayMessages.NotAllowedSolution);
        return job!;
    }

    private void ValidateTimeout(int? timeoutSecs)
    {
        if (timeoutSecs is { } timeout && (timeout < 1 || timeout > settings.MaxTimeoutSecs))
            throw new GatewayProblem(400, GatewayErrorCodes.InvalidRequest, GatewayMessages.TimeoutOutOfRange(timeout, settings.MaxTimeoutSecs), GatewayMessages.TimeoutOutOfRangeSolution);
    }

    private void Validate(CreateJobRequest request)
    {
        static GatewayProblem Invalid(string message) => new(400, GatewayErrorCodes.InvalidRequest, message, GatewayMessages.InvalidRequestSolution);

        if (request.SlurmJobId.Length is 0 or > 20 || !request.SlurmJobId.All(char.IsAsciiDigit))
            throw Invalid(GatewayMessages.FieldInvalid("slurm_job_id", "the Slurm job id (digits, SLURM_JOB_ID)"));
        if (request.SlurmStepId is { } step && (step.Length > 32 || !step.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_')))
            throw Invalid(GatewayMessages.FieldInvalid("slurm_step_id", "the Slurm step id (SLURM_STEP_ID)"));
        if (!settings.Backends.ContainsKey(request.Backend))
            throw Invalid(GatewayMessages.BackendNotOffered(request.Backend.Length > 64 ? request.Backend[..64] : request.Backend, settings.Backends.Keys));
        if (!Primitives.Contains(request.ProgramId))
            throw Invalid(GatewayMessages.FieldInvalid("program_id", "sampler or estimator"));
        ValidateTimeout(request.TimeoutSecs);
        if (request.LogLevel is { } level && !LogLevels.Contains(level))
            throw Invalid(GatewayMessages.FieldInvalid("log_level", string.Join(", ", LogLevels)));
        if (request.InputBytes < 1)
            throw Invalid(GatewayMessages.FieldInvalid("input_bytes", "the input's size in bytes, at least 1"));
        if (request.Input is null && request.Id is not null)
            throw Invalid(GatewayMessages.IdWithoutInput);
        if (request.Input is { } input)
        {
            if (request.Id is not { } id || !Guid.TryParseExact(id, "D", out var parsed) || parsed.ToString() != id)
                throw Invalid(GatewayMessages.FieldInvalid("id", "a random UUID in lower case (8-4-4-4-12 hex digits), chosen by the client"));
            if (input.Utf8.Length > InlineInput.MaxBytes)
                throw new GatewayProblem(413, GatewayErrorCodes.TooLarge, GatewayMessages.InlineInputTooLarge(input.Utf8.Length, InlineInput.MaxBytes), GatewayMessages.InlineInputTooLargeSolution);
            if (request.InputBytes != input.Utf8.Length)
                throw Invalid(GatewayMessages.InputBytesMismatch(request.InputBytes, input.Utf8.Length));
        }

        if (request.InputBytes > settings.MaxInputBytes)
            throw new GatewayProblem(413, GatewayErrorCodes.TooLarge, GatewayMessages.InputTooLarge(request.InputBytes, settings.MaxInputBytes), GatewayMessages.InputTooLargeSolution);
    }

    private async Task<JobView> ViewAsync(GatewayJob job)
    {
        var view = Describe(job);
        if (GatewayJobStatus.IsFinal(job.Status) && job.IsSubmitted)
        {
            var storage = backends.Storage(job.Backend);
            if (job.Status == GatewayJobStatus.Completed)
                view.ResultsUrl = await StorageCallAsync(() => storage.PresignDownloadAsync(JobObjectKeys.Results(job.Id), settings.DownloadUrlLifetime)).ConfigureAwait(false);
            view.LogsUrl = await StorageCallAsync(() => storage.PresignDownloadAsync(JobObjectKeys.Logs(job.Id), settings.DownloadUrlLifetime)).ConfigureAwait(false);
        }

        return view;
    }

    internal static JobView Describe(GatewayJob job) => new()
    {
        Id = job.Id,
        SlurmJobId = job.SlurmJobId,
        SlurmStepId = job.SlurmStepId,
        Backend = job.Backend,
        ProgramId = job.ProgramId,
        Status = job.Status,
        TimeoutSecs = job.TimeoutSecs,
        CreatedTime = job.CreatedTime,
        EndTime = job.EndTime,
        ReasonCode = job.ReasonCode,
        ReasonMessage = job.ReasonMessage,
        ReasonSolution = job.ReasonSolution,
        Usage = job.QuantumNanoseconds is { } ns ? new JobUsage { QuantumNanoseconds = ns } : null,
    };

    private static async Task<T> StorageCallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (StorageException e)
        {
            throw new GatewayProblem(503, GatewayErrorCodes.DirectAccessUnavailable, GatewayMessages.StorageFailed(e.Message), GatewayMessages.DirectAccessUnavailableSolution);
        }
    }

    internal static async Task<T> DirectAccessCallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (StorageException e)
        {
            throw new GatewayProblem(503, GatewayErrorCodes.DirectAccessUnavailable, GatewayMessages.StorageFailed(e.Message), GatewayMessages.DirectAccessUnavailableSolution);
        }
        catch (DirectAccessException e) when (e.Failure == DirectAccessFailure.Refused && e.StatusCode is { } status and >= 400 and < 500)
        {
            throw new GatewayProblem(status, e.ErrorCode ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture), GatewayMessages.DirectAccessRefused(e.Message), GatewayMessages.DirectAccessRefusedSolution);
        }
        catch (DirectAccessException e) when (e.Failure == DirectAccessFailure.Authentication)
        {
            throw new GatewayProblem(502, GatewayErrorCodes.DirectAccessUnavailable, GatewayMessages.DirectAccessCredentialsRefused(e.Message), GatewayMessages.AdministratorSolution);
        }
        catch (DirectAccessException e)
        {
            throw new GatewayProblem(503, GatewayErrorCodes.DirectAccessUnavailable, GatewayMessages.DirectAccessUnreachable(e.Message), GatewayMessages.DirectAccessUnavailableSolution);
        }
    }
}
