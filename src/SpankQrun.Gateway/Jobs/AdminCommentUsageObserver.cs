using SpankQrun.Accounting.Slurm;
using SpankQrun.Accounting.Usage;

namespace SpankQrun.Gateway.Jobs;

/// <summary>
/// Writes each ended Slurm job's QPU usage (Direct Access job ids, final statuses, quantum_nanoseconds, as
/// recorded) into its AdminComment, keeping the backend binding, so that sacct answers it (docs/accounting.md).
/// Not registered yet: register it with services.AddSingleton<ISlurmJobEndObserver, AdminCommentUsageObserver>()
/// once the gateway tests run against a cluster with accounting.
/// </summary>
public sealed class AdminCommentUsageObserver(ILogger<AdminCommentUsageObserver> logger) : ISlurmJobEndObserver
{
    private readonly SlurmAdminCommentWriter writer = new(new ProcessCommandRunner(), line => logger.LogInformation("{Line}", line));

    public async Task OnSlurmJobEndedAsync(SlurmJobUsage usage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(usage);
        if (usage.Jobs.Count == 0)
        {
            return;
        }

        var records = usage.Jobs.Select(j => new DirectAccessJobUsage(j.Id, j.SlurmStepId, j.Status, j.ReasonCode, j.QuantumNanoseconds)).ToList();
        await writer.WriteAsync(usage.SlurmJobId, usage.Jobs[0].Backend, records, cancellationToken).ConfigureAwait(false);
    }
}
