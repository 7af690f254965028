using System.Collections.Concurrent;
using SpankQrun.Accounting.Slurm;
using SpankQrun.Accounting.Usage;
using SpankQrun.Gateway.Configuration;
using SpankQrun.Gateway.Store;

namespace SpankQrun.Gateway.Jobs;

/// <summary>
/// Writes a Slurm job's QPU usage (Direct Access job ids, final statuses, quantum_nanoseconds, as recorded) into its
/// AdminComment, keeping the backend binding, so that sacct answers it (docs/accounting.md):
/// <list type="bullet">
/// <item>each time one of its Direct Access jobs ends, while the Slurm job still runs: slurmctld stores the JSON
/// exactly, set through the gateway's lasting child process (<see cref="AdminCommentHelper"/>; <c>scontrol update</c>
/// when that child is not working); slurmctld refuses it once the job is finished, even while it is completing;</item>
/// <item>when the Slurm job has ended and its jobs are final (the watcher), only if the record differs (a job
/// cancelled because its Slurm job ended: scancel, time limit, qrun killed): then the child process
/// <c>qrun-gateway write-admin-comment</c> sets it in slurmdbd through libslurmdb, as exact JSON.</item>
/// </list>
/// </summary>
public sealed class AdminCommentUsageObserver : ISlurmJobEndObserver, IDirectAccessJobEndObserver
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> writtenWhileRunning = new(StringComparer.Ordinal);
    private readonly GatewaySettings settings;
    private readonly GatewayStore store;
    private readonly ICommandRunner runner;
    private readonly SlurmAdminCommentWriter whileRunning;
    private readonly SlurmAdminCommentWriter afterEnd;

    public AdminCommentUsageObserver(GatewaySettings settings, GatewayStore store, AdminCommentHelper helper, ILogger<AdminCommentUsageObserver> logger)
    {
        this.settings = settings;
        this.store = store;
        runner = new ProcessCommandRunner { Timeout = settings.SlurmTimeout };
        void Log(string line) => logger.LogInformation("{Line}", line);
        whileRunning = new SlurmAdminCommentWriter(runner, Log, databaseWriter: null, settings.ScontrolPath, helper);
        afterEnd = new SlurmAdminCommentWriter(runner, Log, AdminCommentWriterCommand.OfThisProcess(), settings.ScontrolPath);
    }

    public async Task OnDirectAccessJobEndedAsync(GatewayJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        // Cancelled by the cleanup: its Slurm job has ended, slurmctld would refuse; OnSlurmJobEndedAsync writes it.
        if (job.CleanupStartedTime is not null)
            return;

        // One write at a time per Slurm job, each from a fresh listing: the last write holds every ended job.
        var gate = locks.GetOrAdd(job.SlurmJobId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var jobs = await store.ListOfSlurmJobAsync(job.SlurmJobId, cancellationToken).ConfigureAwait(false);
            var records = Records(jobs);
            if (jobs.Count > 0 && await whileRunning.WriteAsync(job.SlurmJobId, job.Backend, records, cancellationToken).ConfigureAwait(false))
                writtenWhileRunning[job.SlurmJobId] = AdminCommentDocument.Build(job.Backend, records);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task OnSlurmJobEndedAsync(SlurmJobUsage usage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(usage);
        locks.TryRemove(usage.SlurmJobId, out _);
        writtenWhileRunning.TryRemove(usage.SlurmJobId, out var written);
        if (usage.Jobs.Count == 0)
            return;

        var records = Records(usage.Jobs);
        var backend = usage.Jobs[0].Backend;
        // slurmdbd may not have the last update yet: what this gateway wrote counts as stored.
        var document = AdminCommentDocument.Build(backend, records);
        if (written == document || await StoredAsync(usage.SlurmJobId, cancellationToken).ConfigureAwait(false) == document)
            return;
        await afterEnd.WriteAsync(usage.SlurmJobId, backend, records, cancellationToken).ConfigureAwait(false);
    }

    private static List<DirectAccessJobUsage> Records(IEnumerable<GatewayJob> jobs) =>
        [.. jobs.Select(j => new DirectAccessJobUsage(j.Id, j.SlurmStepId, j.Status, j.ReasonCode, j.QuantumNanoseconds))];

    /// <summary>The AdminComment in the job's accounting record (sacct), or null without slurmdbd.</summary>
    private async Task<string?> StoredAsync(string slurmJobId, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(settings.SacctPath, ["-X", "-n", "-P", "-j", slurmJobId, "-o", "AdminComment"], cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.Stdout.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault() : null;
    }
}
