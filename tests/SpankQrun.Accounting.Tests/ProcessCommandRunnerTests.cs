using SpankQrun.Accounting.Slurm;
using Xunit;

namespace SpankQrun.Accounting.Tests;

/// <summary>The runner against real processes: a hanging command is killed, endless output is bounded.</summary>
public sealed class ProcessCommandRunnerTests
{
    [Fact]
    public async Task HangingCommand_IsKilledAfterTheTimeout()
    {
        var runner = new ProcessCommandRunner { Timeout = TimeSpan.FromMilliseconds(500) };
        var started = DateTime.UtcNow;

        var result = await runner.RunAsync("sleep", ["30"], CancellationToken.None);

        Assert.Equal(124, result.ExitCode);
        Assert.Contains("did not finish", result.Stderr, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task EndlessOutput_IsCutAtTheBound()
    {
        var runner = new ProcessCommandRunner { Timeout = TimeSpan.FromSeconds(20), MaxOutputChars = 1000 };

        var result = await runner.RunAsync("head", ["-c", "5000000", "/dev/zero"], CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1000, result.Stdout.Length);
    }

    [Fact]
    public async Task MissingProgram_Answers127()
    {
        var result = await new ProcessCommandRunner().RunAsync("/nonexistent/sacctmgr", [], CancellationToken.None);

        Assert.Equal(127, result.ExitCode);
        Assert.Contains("could not start /nonexistent/sacctmgr", result.Stderr, StringComparison.Ordinal);
    }
}
