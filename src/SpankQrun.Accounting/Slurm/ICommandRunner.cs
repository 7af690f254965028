namespace SpankQrun.Accounting.Slurm;

/// <summary>Runs a Slurm command (sacctmgr, scontrol); tests replace it to check what would be run.</summary>
public interface ICommandRunner
{
    Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}
