using System.Diagnostics;
using SpankQrun.Emulator.Configuration;
using SpankQrun.Primitives;
using SpankQrun.Simulator;
using SpankQrun.Simulator.Targets;

namespace SpankQrun.Emulator.Jobs;

/// <summary>
/// Runs one job off the request thread: queue delay, input fetch and validation, execution delay, simulation,
/// then results and logs through the presigned PUT URLs. timeout_secs covers everything after the queue delay.
/// </summary>
public sealed class JobRunner(EmulatorSettings settings, JobStore store, StorageClient storage, TimeProvider clock,
    ILogger<JobRunner> logger)
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
            var elapsed = clock.GetElapsedTime(started);
            log.Add(JobLogLevel.Info, EmulatorMessages.LogJobCompleted(elapsed));
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
        byte[] input;
        try
        {
            input = await storage.GetAsync(job.Storage.Input, cancellationToken);
        }
        catch (StorageException exception)
        {
            return ExecutionOutcome.Failed(JobFailureCodes.InputUnreadable, exception.Message, EmulatorMessages.InputUnreadableSolution);
        }

        log.Add(JobLogLevel.Debug, EmulatorMessages.LogInputRead(input.Length));
        var errors = PubsValidator.Validate(input, job.Program);
        if (errors.Count > 0)
            return ExecutionOutcome.Failed(JobFailureCodes.InputInvalid, EmulatorMessages.InputInvalid(errors), EmulatorMessages.InputInvalidSolution);

        var options = new PrimitiveExecutionOptions(settings.SimulatorSeed, settings.MaxSimulatedQubits, backend.ToTarget());
        // The simulator is synchronous and CPU-bound: give it its own thread rather than a pool thread.
        var prepared = await Task.Factory.StartNew(
            () => PrimitiveExecutor.Prepare(job.Program, input, options, cancellationToken),
            cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (prepared.Failure is { } refused)
            return Refused(refused);

        await Task.Delay(TimeSpan.FromSeconds(backend.ExecutionDelaySecs), clock, cancellationToken);

        var result = await Task.Factory.StartNew(
            () => prepared.Run(cancellationToken),
            cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        foreach (var line in result.LogLines)
            log.Add(JobLogLevel.Info, line);

        if (!result.Succeeded || result.ResultJson is null)
            return Refused(result);

        return new ExecutionOutcome(result.ResultJson, result.Usage ?? prepared.Usage, null);
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
        if (job.Storage.Logs is { } logs)
            await storage.PutAsync(logs, log.ToUtf8(), "text/plain; charset=utf-8", cancellationToken);
    }

    private sealed record ExecutionOutcome(byte[]? ResultJson, ExecutionUsage? Usage, JobFailure? Failure)
    {
        public static ExecutionOutcome Failed(int code, string message, string solution) => new(null, null, new JobFailure(code, message, solution));
    }
}
