using SpankQrun.Emulator.Configuration;

namespace SpankQrun.Emulator.Jobs;

/// <summary>
/// One background loop per execution lane, each taking job ids from the queue and running them. Jobs that
/// the state file lists as running are queued again at start (see docs/emulator.md, "Restart").
/// </summary>
public sealed class JobLaneWorkers(EmulatorSettings settings, JobStore store, JobQueue queue, JobRunner runner,
    ILogger<JobLaneWorkers> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var id in store.RunningIds())
        {
            logger.LogInformation("Job {JobId} was running when the emulator stopped; running it again", id);
            queue.Enqueue(id);
        }

        var lanes = Enumerable.Range(0, settings.ExecutionLanes).Select(_ => RunLaneAsync(stoppingToken));
        return Task.WhenAll(lanes);
    }

    private async Task RunLaneAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var id in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await runner.RunAsync(id, stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // A lane must outlive any one job; the runner has already recorded what it could.
                    logger.LogError("Lane stopped job {JobId} after an unexpected {ExceptionType}", id, exception.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: running jobs stay Running in the state file and run again at the next start.
        }
    }
}
