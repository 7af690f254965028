using System.Collections.Concurrent;
using SpankQrun.Gateway.Store;

namespace SpankQrun.Gateway.Jobs;

/// <summary>
/// Removes a final job's Direct Access job and objects after its owner's DELETE has been answered: qrun's last request
/// then waits only for the usage write (JobEndNotifier), not for the deletions, which take one storage request each
/// (several milliseconds on a store that serves one request at a time). Nothing is lost if a removal fails or the
/// gateway stops first: the record stays undeleted, and the cleanup after the Slurm job's end (SlurmJobWatcher) removes
/// it. A job being removed is answered 404, as a removed one. The gateway's stop waits for removals under way.
/// </summary>
public sealed class JobRemovals(JobStatusUpdater updater, ILogger<JobRemovals> logger) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<string, Task> running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();

    /// <summary>Whether <paramref name="jobId"/> is being removed by this instance.</summary>
    public bool IsRemoving(string jobId) => running.ContainsKey(jobId);

    /// <summary>Starts removing <paramref name="job"/>, which is final, unless a removal of it already runs.</summary>
    public void Start(GatewayJob job, string reason)
    {
        ArgumentNullException.ThrowIfNull(job);
        var work = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!running.TryAdd(job.Id, work.Task))
            return;
        _ = Task.Run(async () =>
        {
            try
            {
                await updater.TryRemoveAsync(job, TimeSpan.Zero, reason, stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                logger.LogWarning(
                    "job {Id} of Slurm job {SlurmJob} uid {Uid}: removing its Direct Access job and objects failed ({Message}); retried once the Slurm job has ended",
                    job.Id, job.SlurmJobId, job.Uid, e.Message);
            }
            finally
            {
                running.TryRemove(job.Id, out _);
                work.SetResult();
            }
        }, CancellationToken.None);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Waits for the removals under way; when the host's stop timeout ends, cancels them.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(stopping.Cancel);
        await Task.WhenAll(running.Values).ConfigureAwait(false);
    }

    public void Dispose() => stopping.Dispose();
}
