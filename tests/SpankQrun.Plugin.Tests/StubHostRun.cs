using SpankQrun.TestSupport;

namespace SpankQrun.Plugin.Tests;

/// <summary>What one run of the stub host printed, split by record kind.</summary>
public sealed class StubHostRun(CommandResult result)
{
    public CommandResult Result { get; } = result;

    public int ExitCode => Result.ExitCode;

    /// <summary>The values of every record of <paramref name="kind"/>, in order (e.g. "OPTION_RC" gives "0", "-1").</summary>
    public IReadOnlyList<string> Values(string kind) =>
        [.. Result.Stdout.Split('\n').Where(l => l.StartsWith(kind + " ", StringComparison.Ordinal)).Select(l => l[(kind.Length + 1)..])];

    public IReadOnlyList<string> Errors => [.. Values("LOG").Where(l => l.StartsWith("slurm_error ", StringComparison.Ordinal)).Select(l => l["slurm_error ".Length..])];

    /// <summary>Thread counts seen; more than one means the .NET runtime had started.</summary>
    public IReadOnlyList<int> Threads => [.. Values("THREADS").Select(int.Parse)];

    /// <summary>The variables the plugin removed from the task environment, in order.</summary>
    public IReadOnlyList<string> Removed => Values("UNSETENV");

    public IReadOnlyDictionary<string, string> Environment =>
        Values("SETENV").Select(v => v.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    public override string ToString() => Result.ToString();
}
