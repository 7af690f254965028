namespace SpankQrun.Accounting.Slurm;

/// <summary>Runs a Slurm command (sacctmgr, scontrol, the AdminComment writer); tests replace it to check what would be run.</summary>
public interface ICommandRunner
{
    Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(program, arguments, null, cancellationToken);

    /// <summary>Runs <paramref name="program"/> with <paramref name="standardInput"/> (if any) written to its stdin.</summary>
    Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken);
}
