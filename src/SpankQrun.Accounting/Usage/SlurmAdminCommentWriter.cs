using SpankQrun.Accounting.Slurm;

namespace SpankQrun.Accounting.Usage;

/// <summary>
/// Writes a Slurm job's QPU usage into its AdminComment, where <c>sacct -o AdminComment</c> shows it as JSON.
/// While slurmctld runs the job, <c>scontrol update</c> stores the JSON exactly (and sends it to slurmdbd);
/// call it each time one of the job's Direct Access jobs ends. Once the Slurm job has finished, slurmctld
/// refuses updates: then <paramref name="databaseWriter"/> (program and arguments; the job id is appended and the
/// document given on stdin, never on the command line) sets it in slurmdbd through libslurmdb
/// (<see cref="SlurmdbAdminComment"/>), exactly as given. sacctmgr is never used for it: it would store every
/// quote as a backtick, a record that is no longer JSON. Null <paramref name="databaseWriter"/>: no slurmdbd.
/// <paramref name="whileRunning"/> sets it through slurmctld (default: <c>scontrol update</c> through <paramref name="runner"/>).
/// </summary>
public sealed class SlurmAdminCommentWriter(ICommandRunner runner, Action<string> log, IReadOnlyList<string>? databaseWriter = null,
    string scontrol = "scontrol", IRunningJobAdminComment? whileRunning = null)
{
    private readonly IRunningJobAdminComment whileRunning = whileRunning ?? new ScontrolAdminComment(runner, scontrol);

    public async Task<bool> WriteAsync(string slurmJobId, string backend, IReadOnlyList<DirectAccessJobUsage> jobs, CancellationToken cancellationToken)
    {
        var document = AdminCommentDocument.Build(backend, jobs);
        var nanoseconds = jobs.Sum(j => j.QuantumNanoseconds ?? 0);
        var result = await whileRunning.SetAsync(slurmJobId, document, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded && databaseWriter is { Count: > 0 })
        {
            result = await runner.RunAsync(databaseWriter[0], [.. databaseWriter.Skip(1), slurmJobId], document, cancellationToken).ConfigureAwait(false);
        }

        if (!result.Succeeded)
        {
            // Without a database writer the caller writes again once it sees the job's end: not a failure yet.
            log(databaseWriter is { Count: > 0 }
                ? AccountingMessages.AdminCommentFailed(slurmJobId, result.Describe())
                : AccountingMessages.AdminCommentDeferred(slurmJobId, result.Describe()));
            return false;
        }

        log(AccountingMessages.AdminCommentWritten(slurmJobId, jobs.Count, nanoseconds));
        return true;
    }
}
