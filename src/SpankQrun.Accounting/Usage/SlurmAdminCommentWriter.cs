using SpankQrun.Accounting.Slurm;

namespace SpankQrun.Accounting.Usage;

/// <summary>
/// Writes a finished Slurm job's QPU usage into its AdminComment, where <c>sacct -o AdminComment</c> shows it:
/// with <c>scontrol update</c> while slurmctld still holds the job (MinJobAge), which also sends it to
/// slurmdbd; with <c>sacctmgr modify job</c> straight into slurmdbd's record otherwise.
/// </summary>
public sealed class SlurmAdminCommentWriter(ICommandRunner runner, Action<string> log, bool accountingDatabase = true)
{
    public async Task<bool> WriteAsync(string slurmJobId, string backend, IReadOnlyList<DirectAccessJobUsage> jobs, CancellationToken cancellationToken)
    {
        var document = AdminCommentDocument.Build(backend, jobs);
        var nanoseconds = jobs.Sum(j => j.QuantumNanoseconds ?? 0);
        var scontrol = await runner.RunAsync("scontrol", ["update", $"JobId={slurmJobId}", $"AdminComment={document}"], cancellationToken).ConfigureAwait(false);
        var result = scontrol;
        if (accountingDatabase)
        {
            // Also straight into the database: the job may have left slurmctld, and its end record may have
            // reached slurmdbd before the update did.
            result = await runner.RunAsync("sacctmgr", ["-i", "modify", "job", "where", $"jobid={slurmJobId}", "set", $"AdminComment={document}"], cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded && scontrol.Succeeded)
            {
                result = scontrol;
            }
        }

        if (!result.Succeeded)
        {
            log(AccountingMessages.AdminCommentFailed(slurmJobId, result.Describe()));
            return false;
        }

        log(AccountingMessages.AdminCommentWritten(slurmJobId, jobs.Count, nanoseconds));
        return true;
    }
}
