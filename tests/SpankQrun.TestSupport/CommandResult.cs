namespace SpankQrun.TestSupport;

/// <summary>What a finished command left behind.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Both streams, for assertions on messages and for failure reports.</summary>
    public string Output => Stdout + Stderr;

    /// <inheritdoc/>
    public override string ToString() => $"`{Command}` exited {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
