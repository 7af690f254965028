using SpankQrun.Emulator.Configuration;
using SpankQrun.Primitives;
using SpankQrun.Simulator;
using SpankQrun.Simulator.Targets;

namespace SpankQrun.Emulator.Jobs;

/// <summary>
/// Runs one job off the request thread: queue delay, storage host check, input fetch (size-capped), preparation
/// (parse, bind, ISA, usage), memory admission, execution delay, simulation, then results and logs through the
/// presigned PUT URLs. timeout_secs covers everything after the queue delay. The lane moves on as soon as the job is
/// cancelled, times out or the server stops; the simulation thread stops at its next check and gives its memory back.
/// </summary>
public sealed class JobRunner(EmulatorSettings settings, JobStore store, StorageClient storage, StorageHostPolicy hosts,
    MemoryBudget memory, TimeProvider clock, ILogger<JobRunner> logger)
{
    public async Task RunAsync(string id, CancellationToken stoppingToken)
    {
        try
        {
            if (store.Find(id) is not { IsFinal: false } job || store.CancellationFor(id) is not { } cancelToken)
                return;
            await RunAsync(job, cancelToken, stoppingToken);
        }
        finally
        {
            store.ReleaseExecution(id);
        }
    }

    private async Task RunAsync(Job job, CancellationToken cancelToken, CancellationToken stoppingToken)
    {
        using var jobCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancelToken, stoppingToken);
        var log = new JobLog(job.LogLevel, clock);
        var backend = settings.FindBackend(job.Backend);
        if (backend is null)
        {
            await FailAsync(job, log, new JobFailure(JobFailureCodes.Internal, EmulatorMessages.BackendGone(job.Backend),
                EmulatorMessages.BackendGoneSolution), jobCancellation.Token);
            return;
        }

        using var timeout = new CancellationTokenSource(Timeout.InfiniteTimeSpan, clock);
        using var execution = CancellationTokenSource.CreateLinkedTokenSource(jobCancellation.Token, timeout.Token);
        try
        {
            log.Add(JobLogLevel.Info, EmulatorMessages.LogJobQueued(job.Id, backend.Name));
            await Task.Delay(TimeSpan.FromSeconds(backend.QueueDelaySecs), clock, jobCancellation.Token);

            timeout.CancelAfter(TimeSpan.FromSeconds(job.TimeoutSecs));
            var started = clock.GetTimestamp();
            log.Add(JobLogLevel.Info, EmulatorMessages.LogJobStarted(job.Program.ToProgramId(), job.TimeoutSecs));
            logger.LogInformation("Job {JobId} started on {Backend}", job.Id, backend.Name);

            var outcome = await ExecuteAsync(job, backend, log, execution.Token);
            if (outcome.Failure is { } failure)
            {
                await FailAsync(job, log, failure, execution.Token);
                return;
            }

            await storage.PutAsync(job.Storage.Results, outcome.ResultJson!, "application/json", execution.Token);
            var usage = outcome.Usage!;
            log.Add(JobLogLevel.Info, EmulatorMessages.LogJobCompleted(clock.GetElapsedTime(started)));
            await UploadLogsAsync(job, log, execution.Token);
            var end = clock.GetUtcNow();
            if (store.TryFinish(job.Id, current => current with
            {
                Status = JobStatus.Completed,
                EndTime = end,
                QuantumNanoseconds = usage.QuantumNanoseconds,
                CircuitNanoseconds = usage.CircuitNanoseconds,
            }))
                logger.LogInformation("Job {JobId} completed", job.Id);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !jobCancellation.IsCancellationRequested)
        {
            await FailAsync(job, log, new JobFailure(JobFailureCodes.TimedOut, EmulatorMessages.JobTimedOut(job.TimeoutSecs),
                EmulatorMessages.JobTimedOutSolution), jobCancellation.Token);
        }
        catch (OperationCanceledException) when (cancelToken.IsCancellationRequested)
        {
            logger.LogInformation("Job {JobId} cancelled", job.Id);
        }
        catch (StorageException exception)
        {
            await FailAsync(job, log, new JobFailure(JobFailureCodes.OutputUnwritable, exception.Message,
                EmulatorMessages.OutputUnwritableSolution), jobCancellation.Token);
        }
        catch (Exception exception) when (!jobCancellation.IsCancellationRequested)
        {
            logger.LogError("Job {JobId} hit an internal error: {ExceptionType}", job.Id, exception.GetType().Name);
            await FailAsync(job, log, new JobFailure(JobFailureCodes.Internal, EmulatorMessages.InternalError(exception),
                EmulatorMessages.InternalErrorSolution), jobCancellation.Token);
        }
    }

    private async Task<ExecutionOutcome> ExecuteAsync(Job job, BackendSettings backend, JobLog log, CancellationToken cancellationToken)
    {
        if (RefusedLocation(job) is { } refused)
            return ExecutionOutcome.Failed(JobFailureCodes.StorageHostRefused, refused, EmulatorMessages.StorageHostRefusedSolution);

        byte[] input;
        try
        {
            input = await storage.GetAsync(job.Storage.Input, settings.Limits.MaxInputBytes, cancellationToken);
        }
        catch (StorageException exception)
        {
            return ExecutionOutcome.Failed(JobFailureCodes.InputUnreadable, exception.Message, EmulatorMessages.InputUnreadableSolution);
        }
        catch (InputTooLargeException exception)
        {
            return ExecutionOutcome.Failed(JobFailureCodes.InputTooLarge, exception.Message, EmulatorMessages.InputTooLargeSolution);
        }

        log.Add(JobLogLevel.Debug, EmulatorMessages.LogInputRead(input.Length));
        var options = new PrimitiveExecutionOptions(settings.SimulatorSeed, settings.MaxSimulatedQubits, backend.ToTarget(), settings.Limits.MaxOperations);
        var prepared = await OnOwnThreadAsync(() => PrimitiveExecutor.Prepare(job.Program, input, options, cancellationToken), null, cancellationToken);
        if (prepared.Failure is { } failure)
            return Refused(failure);

        // The input's bytes and parsed form stay alive during the run; the rest is the simulator's own estimate.
        var needed = prepared.PeakBytesEstimate + (4L * input.Length) + BaselineBytes;
        if (needed > memory.TotalBytes)
        {
            return ExecutionOutcome.Failed(JobFailureCodes.MemoryUnavailable, EmulatorMessages.MemoryTooSmall(needed, memory.TotalBytes),
                EmulatorMessages.MemoryTooSmallSolution);
        }

        if (memory.ReservedBytes + needed > memory.TotalBytes)
            log.Add(JobLogLevel.Info, EmulatorMessages.LogWaitingForMemory(needed, memory.ReservedBytes, memory.TotalBytes));
        var reservation = await memory.ReserveAsync(needed, cancellationToken);
        log.Add(JobLogLevel.Info, EmulatorMessages.LogMemoryReserved(needed, reservation.HeldWhenGranted, memory.TotalBytes));
        logger.LogInformation("Job {JobId} holds {NeededMiB} MiB of memory", job.Id, needed / (1024 * 1024));
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(backend.ExecutionDelaySecs), clock, cancellationToken);
        }
        catch
        {
            reservation.Dispose();
            throw;
        }

        var result = await OnOwnThreadAsync(() => prepared.Run(cancellationToken), reservation, cancellationToken);
        foreach (var line in result.LogLines)
            log.Add(JobLogLevel.Info, line);

        if (!result.Succeeded || result.ResultJson is null)
            return Refused(result);

        return new ExecutionOutcome(result.ResultJson, result.Usage ?? prepared.Usage, null);
    }

    private const long BaselineBytes = 16L * 1024 * 1024;

    /// <summary>
    /// Runs CPU-bound simulator work on its own thread. The caller stops waiting as soon as the token fires (the lane is
    /// free at once); the thread ends at its next cancellation check and only then gives <paramref name="reservation"/> back.
    /// </summary>
    private static Task<T> OnOwnThreadAsync<T>(Func<T> work, IDisposable? reservation, CancellationToken cancellationToken)
    {
        var task = Task.Factory.StartNew(() =>
        {
            try
            {
                return work();
            }
            finally
            {
                reservation?.Dispose();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        // An abandoned task's cancellation must not surface as an unobserved exception.
        _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return task.WaitAsync(cancellationToken);
    }

    private string? RefusedLocation(Job job)
    {
        foreach (var (role, location) in Locations(job))
        {
            if (!hosts.IsAllowed(location.PresignedUrl))
                return EmulatorMessages.StorageHostRefused(role, location.PresignedUrl.Host, hosts.Describe());
        }

        return null;
    }

    private static IEnumerable<(string Role, StorageLocation Location)> Locations(Job job)
    {
        yield return ("input", job.Storage.Input);
        yield return ("results", job.Storage.Results);
        if (job.Storage.Logs is { } logs)
            yield return ("logs", logs);
    }

    private static ExecutionOutcome Refused(PrimitiveExecution result) => result.FailureCode switch
    {
        PrimitiveFailureCodes.InvalidInput => ExecutionOutcome.Failed(JobFailureCodes.InputInvalid,
            EmulatorMessages.ExecutionFailed(result.FailureCode, result.FailureMessage), EmulatorMessages.InputInvalidSolution),
        PrimitiveFailureCodes.NotIsa => ExecutionOutcome.Failed(JobFailureCodes.NotIsa,
            EmulatorMessages.ExecutionFailed(result.FailureCode, result.FailureMessage), EmulatorMessages.NotIsaSolution),
        _ => ExecutionOutcome.Failed(JobFailureCodes.ExecutionFailed,
            EmulatorMessages.ExecutionFailed(result.FailureCode, result.FailureMessage), EmulatorMessages.ExecutionFailedSolution),
    };

    private async Task FailAsync(Job job, JobLog log, JobFailure failure, CancellationToken cancellationToken)
    {
        log.Add(JobLogLevel.Error, failure.Message);
        try
        {
            await UploadLogsAsync(job, log, cancellationToken);
        }
        catch (Exception exception) when (exception is StorageException or OperationCanceledException)
        {
            // The failure itself is what the client needs to see; a log that cannot be written changes nothing.
        }

        var end = clock.GetUtcNow();
        if (store.TryFinish(job.Id, current => current with { Status = JobStatus.Failed, EndTime = end, Failure = failure }))
            logger.LogInformation("Job {JobId} failed with reason code {ReasonCode}", job.Id, failure.Code);
    }

    private async Task UploadLogsAsync(Job job, JobLog log, CancellationToken cancellationToken)
    {
        // Nothing goes to a host the configuration does not allow, not even the log of the refusal.
        if (job.Storage.Logs is { } logs && hosts.IsAllowed(logs.PresignedUrl))
            await storage.PutAsync(logs, log.ToUtf8(), "text/plain; charset=utf-8", cancellationToken);
    }

    private sealed record ExecutionOutcome(byte[]? ResultJson, ExecutionUsage? Usage, JobFailure? Failure)
    {
        public static ExecutionOutcome Failed(int code, string message, string solution) => new(null, null, new JobFailure(code, message, solution));
    }
}
