using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

/// <summary>A broken site configuration fails only the jobs that asked for a backend, and never drains a node.</summary>
[Collection(SlurmCollection.Name)]
public sealed class ConfigurationIsolationTests : IDisposable
{
    private readonly JobWorkspace _workspace = new();

    public static TheoryData<string[], bool, string> BrokenConfigurations() => new()
    {
        { ["demo", "demopass", "http://127.0.0.1:1", "key"], false, "has 4 argument(s); expected 8" },
        { [], false, "has no arguments; give key=value settings or the seed's 8 positional arguments" },
        { [.. TestSite.Arguments.Take(2), "not-a-url", .. TestSite.Arguments.Skip(3)], false, "argument 3 (DAAPI_ENDPOINT) is not an http:// or https:// URL" },
        { ["demo", "demopass", "http://127.0.0.1:1", "key"], true, "has 4 argument(s); expected 8" },
    };

    public void Dispose()
    {
        Plugstack.ConfigureTestSite();
        _workspace.Dispose();
    }

    [Theory]
    [MemberData(nameof(BrokenConfigurations))]
    public async Task BrokenConfiguration_JobWithoutOptions_RunsWithNoErrorInItsOutput(string[] arguments, bool required, string _)
    {
        Plugstack.Configure(arguments, required);

        var step = await Shell.RunAsync("srun", ["-N2", "-n2", "echo", "ran"]);
        var batch = await Shell.RunAsync("sbatch", ["--wait", $"--output={_workspace.PathOf("out")}", "--wrap", "echo ran"]);

        Assert.True(step.ExitCode == 0, step.ToString());
        Assert.Equal("ran\nran\n", step.Stdout);
        Assert.DoesNotContain("spank_ibm_qrun", step.Stderr);
        Assert.True(batch.ExitCode == 0, batch.ToString());
        Assert.Equal("ran\n", File.ReadAllText(_workspace.PathOf("out")));
    }

    [Theory]
    [MemberData(nameof(BrokenConfigurations))]
    public async Task BrokenConfiguration_StepWithOptions_FailsAtLaunchWithOneClearLineAndNoDrain(string[] arguments, bool required, string problem)
    {
        Plugstack.Configure(arguments, required);

        var step = await Shell.RunAsync("srun", ["-N1", "--q-backend=fake_brisbane", "--q-primitive=sampler", "echo", "should-not-run"]);

        Assert.True(step.ExitCode != 0, step.ToString());
        Assert.DoesNotContain("should-not-run", step.Stdout);
        var lines = step.Stderr.Split('\n').Where(l => l.Contains("spank_ibm_qrun", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.Contains("spank_ibm_qrun: the site configuration is broken: ", line);
        Assert.Contains(problem, line);
        Assert.EndsWith("; ask your administrator", line.TrimEnd());
        Assert.All((await SlurmCluster.NodeStatesAsync()).Values, state => Assert.DoesNotContain("drain", state));
    }

    [Fact]
    public async Task BrokenConfiguration_BatchJobWithOptions_FailsWithTheLineInItsOutputAndDetailsInSlurmdLog()
    {
        Plugstack.Configure(["demo", "demopass"]);
        var output = _workspace.PathOf("out");

        var batch = await Shell.RunAsync("sbatch",
            ["--wait", "-N1", $"--output={output}", "--q-backend=fake_brisbane", "--q-primitive=sampler", "--wrap", "echo should-not-run"]);

        Assert.True(batch.ExitCode != 0, batch.ToString());
        var text = File.ReadAllText(output);
        Assert.DoesNotContain("should-not-run", text);
        Assert.Contains("spank_ibm_qrun: the site configuration is broken: the plugstack.conf line for spank_ibm_qrun has 2 argument(s)", text);
        var jobId = SlurmCluster.JobIdOf(batch.Stdout);
        Assert.Contains(SlurmdLog.LinesOfJob(jobId), l => l.Contains($"[{jobId}.batch]", StringComparison.Ordinal)
            && l.Contains("spank_ibm_qrun: site configuration: the plugstack.conf line for spank_ibm_qrun has 2 argument(s)", StringComparison.Ordinal));
        Assert.All((await SlurmCluster.NodeStatesAsync()).Values, state => Assert.DoesNotContain("drain", state));
    }
}
