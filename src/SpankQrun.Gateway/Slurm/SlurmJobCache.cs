using System.Collections.Concurrent;
using SpankQrun.Gateway.Configuration;

namespace SpankQrun.Gateway.Slurm;

/// <summary>
/// Reuses Slurm's answer about a job for a short time and lets concurrent requests for one job share one
/// lookup, so that many clients polling do not each start squeue and scontrol.
/// </summary>
public sealed class SlurmJobCache(SlurmClient slurm, GatewaySettings settings, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<(SlurmJobRecord? Job, DateTimeOffset At)>>> entries = new(StringComparer.Ordinal);

    public async Task<SlurmJobRecord?> FindJobAsync(string jobId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entry = entries.GetOrAdd(jobId, id => new Lazy<Task<(SlurmJobRecord?, DateTimeOffset)>>(() => LookUpAsync(id)));
            (SlurmJobRecord? Job, DateTimeOffset At) answer;
            try
            {
                answer = await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SlurmUnavailableException)
            {
                entries.TryRemove(KeyValuePair.Create(jobId, entry));
                throw;
            }

            if (time.GetUtcNow() - answer.At <= settings.SlurmCacheLifetime)
                return answer.Job;
            entries.TryRemove(KeyValuePair.Create(jobId, entry));
            if (entries.Count > 10_000)
                entries.Clear();
        }
    }

    /// <summary>Forgets what is known about <paramref name="jobId"/>.</summary>
    public void Forget(string jobId) => entries.TryRemove(jobId, out _);

    private async Task<(SlurmJobRecord?, DateTimeOffset)> LookUpAsync(string jobId)
    {
        var job = await slurm.FindJobAsync(jobId, CancellationToken.None).ConfigureAwait(false);
        return (job, time.GetUtcNow());
    }
}
