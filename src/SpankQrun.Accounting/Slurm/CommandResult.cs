namespace SpankQrun.Accounting.Slurm;

/// <summary>What a Slurm command printed and returned.</summary>
public sealed record CommandResult(int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>One line for a log or an exception: the exit code and stderr (or stdout), trimmed.</summary>
    public string Describe() =>
        $"exit code {ExitCode}: {(Stderr.Trim().Length > 0 ? Stderr.Trim() : Stdout.Trim())}";
}
