using SpankQrun.Accounting.Slurm;

namespace SpankQrun.Accounting.Usage;

/// <summary>
/// Writes a Slurm job's QPU usage into its AdminComment, where <c>sacct -o AdminComment</c> shows it.
/// While slurmctld runs the job, <c>scontrol update</c> stores the JSON exactly (and sends it to slurmdbd);
/// call it each time one of the job's Direct Access jobs ends. Once the Slurm job has finished, slurmctld
/// refuses updates and only <c>sacctmgr modify job</c> reaches the record; sacctmgr stores every '"' as '`'
/// and lower-cases the text (Slurm's rule): the document never holds a backtick, so <c>tr '`' '"'</c> gives
/// back the JSON, in lower case (numbers and ids are unchanged).
/// </summary>
public sealed class SlurmAdminCommentWriter(ICommandRunner runner, Action<string> log, bool accountingDatabase = true, string scontrol = "scontrol", string sacctmgr = "sacctmgr")
{
    public async Task<bool> WriteAsync(string slurmJobId, string backend, IReadOnlyList<DirectAccessJobUsage> jobs, CancellationToken cancellationToken)
    {
        var document = AdminCommentDocument.Build(backend, jobs);
        var nanoseconds = jobs.Sum(j => j.QuantumNanoseconds ?? 0);
        var result = await runner.RunAsync(scontrol, ["update", $"JobId={slurmJobId}", $"AdminComment={document}"], cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded && accountingDatabase)
        {
            result = await runner.RunAsync(sacctmgr, ["-i", "modify", "job", "where", $"jobid={slurmJobId}", "set", $"AdminComment={document}"], cancellationToken).ConfigureAwait(false);
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
