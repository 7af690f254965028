using SpankQrun.Gateway.Store;

namespace SpankQrun.Gateway.Jobs;

/// <summary>
/// Told once per Slurm job, after the job ended and every Direct Access job it made is final, recorded and
/// deleted (register implementations in the service collection). Called again on a later pass if it throws,
/// so an implementation must be idempotent. Runs in the gateway's watcher: keep it bounded in time.
/// </summary>
public interface ISlurmJobEndObserver
{
    Task OnSlurmJobEndedAsync(SlurmJobUsage usage, CancellationToken cancellationToken);
}

/// <summary>A Slurm job's Direct Access jobs and their usage records.</summary>
public sealed record SlurmJobUsage(string SlurmJobId, uint Uid, string UserName, string Account, IReadOnlyList<GatewayJob> Jobs)
{
    /// <summary>Sum of the jobs' quantum_nanoseconds.</summary>
    public long QuantumNanoseconds => Jobs.Sum(j => j.QuantumNanoseconds ?? 0);
}
