using System.Collections.Concurrent;
using SpankQrun.Gateway.Store;

namespace SpankQrun.Gateway.Jobs;

/// <summary>
/// Runs the Direct Access job-end observers (the AdminComment usage write: about 1 ms through the gateway's libslurm
/// child, 10-20 ms when scontrol serves) beside the request that saw the job end instead of inside it, so that qrun's
/// status poll is answered at once and qrun downloads the results meanwhile. The job's removal (the owner's DELETE,
/// qrun's last request; the cleanup) waits for them, so the usage is still written while the Slurm job runs; the
/// gateway's stop waits for them too. An instance that stops before they end loses nothing: the Slurm job's end
/// observers see the job again.
/// </summary>
public sealed class JobEndNotifier(IEnumerable<IDirectAccessJobEndObserver> observers, ILogger<JobEndNotifier> logger) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<string, Task> pending = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();

    /// <summary>Starts the observers for <paramref name="job"/>, which has just reached a final status.</summary>
    public void Notify(GatewayJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var work = Task.Run(() => RunObserversAsync(job), CancellationToken.None);
        pending[job.Id] = work;
        // Removed when done, unless a later notification for the same job took the slot.
        _ = work.ContinueWith(done => pending.TryRemove(new KeyValuePair<string, Task>(job.Id, done)), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes when the observers started for <paramref name="jobId"/> have ended (at once if none run).</summary>
    public Task WaitAsync(string jobId, CancellationToken cancellationToken) =>
        pending.TryGetValue(jobId, out var work) ? work.WaitAsync(cancellationToken) : Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Waits for the observers still running; when the host's stop timeout ends, cancels them.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(stopping.Cancel);
        await Task.WhenAll(pending.Values).ConfigureAwait(false);
    }

    public void Dispose() => stopping.Dispose();

    private async Task RunObserversAsync(GatewayJob job)
    {
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnDirectAccessJobEndedAsync(job, stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                logger.LogWarning("job {Id} of Slurm job {SlurmJob}: end observer {Observer} failed: {Message}", job.Id, job.SlurmJobId, observer.GetType().Name, e.Message);
            }
        }
    }
}
