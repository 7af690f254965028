using SpankQrun.Accounting.Slurm;

namespace SpankQrun.Accounting.Usage;

/// <summary>Sets a running Slurm job's AdminComment through slurmctld; the result says whether it took it, and why not.</summary>
public interface IRunningJobAdminComment
{
    Task<CommandResult> SetAsync(string slurmJobId, string document, CancellationToken cancellationToken);
}

/// <summary><c>scontrol update JobId=N AdminComment=DOCUMENT</c>, one process an update.</summary>
public sealed class ScontrolAdminComment(ICommandRunner runner, string scontrol = "scontrol") : IRunningJobAdminComment
{
    public Task<CommandResult> SetAsync(string slurmJobId, string document, CancellationToken cancellationToken) =>
        runner.RunAsync(scontrol, ["update", $"JobId={slurmJobId}", $"AdminComment={document}"], cancellationToken);
}
