using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

/// <summary>
/// The built qrun starts its squeue (the Slurm time left) before the .NET runtime starts
/// (src/SpankQrun.Qrun/native/early_squeue.c), and treats it exactly as the squeue it starts itself: the answer sets
/// the timeout, a hung squeue is killed at its bound, and no squeue outlives qrun. A fake squeue on PATH answers;
/// build/qrun runs against the emulator and s3rver in direct mode. Needs no cluster.
/// </summary>
public sealed class EarlySqueueTests(QrunServices services) : IClassFixture<QrunServices>, IDisposable
{
    private static readonly string Qrun = Path.Combine(RepositoryPaths.Root, "build", "qrun");
    private readonly string _scratch = Directory.CreateTempSubdirectory("qrun-early-squeue-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Run_InAJob_SubmitsWithTheTimeLeftSqueueAnswers_AndAsksIt_Once(bool early)
    {
        var log = FakeSqueue("echo 10:00");
        var input = SamplerInput();

        var result = await RunQrunAsync([input], early);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("timeout 720 s = Slurm time left + 120 s grace", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("running sampler (timeout 720 s)", result.Stderr, StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(log));
        Assert.Empty(await SqueuesLeftAsync());
    }

    /// <param name="squeue">A squeue that hangs; or a site's wrapper whose child hangs holding the output pipe open.</param>
    [Theory]
    [InlineData("exec sleep 1234")]
    [InlineData("sleep 1234 &\nwait")]
    public async Task HungSqueue_IsKilledAtItsBound_WithWhatItStarted_AndTheJobRunsUnderTheDefaultTimeout(string squeue)
    {
        FakeSqueue(squeue);

        var result = await RunQrunAsync([SamplerInput()], early: true);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("could not read the time left of Slurm job 4242 with squeue (no answer within 10 s; squeue was killed); using timeout_secs=3600", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("timeout 3600 s", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(await SqueuesLeftAsync());
    }

    [Fact]
    public async Task RunThatFailsACheck_ExitsAtOnce_AndLeavesNoSqueueBehind()
    {
        FakeSqueue("exec sleep 1234");
        var input = Path.Combine(_scratch, "bad.json");
        File.WriteAllText(input, """{"pubs": 5}""");

        var started = DateTime.UtcNow;
        var result = await RunQrunAsync([input], early: true);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), $"qrun took {DateTime.UtcNow - started} to refuse the input");
        Assert.Empty(await SqueuesLeftAsync());
    }

    [Fact]
    public async Task VersionHelpCheckAndGatewayMode_StartNoSqueue()
    {
        var log = FakeSqueue("echo 10:00");
        var input = SamplerInput();

        foreach (var arguments in new[] { new[] { "--version" }, ["--help"], ["--check", input] })
            await RunQrunAsync(arguments, early: true);
        // Gateway mode (the gateway tells the end time): an unusable gateway URL ends the run at its settings.
        var gateway = await RunQrunAsync([input], early: true, new() { ["IBMQRUN_GATEWAY"] = "not a URL" });

        Assert.NotEqual(0, gateway.ExitCode);
        Assert.False(File.Exists(log), File.Exists(log) ? File.ReadAllText(log) : "");
    }

    /// <summary>A squeue on qrun's PATH that logs each start and then runs <paramref name="body"/>; returns the log's path.</summary>
    private string FakeSqueue(string body)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_scratch, "bin")).FullName;
        var log = Path.Combine(_scratch, "squeue.log");
        var squeue = Path.Combine(bin, "squeue");
        File.WriteAllText(squeue, $"#!/bin/bash\necho \"$$ $*\" >>{log}\n{body}\n");
        File.SetUnixFileMode(squeue, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return log;
    }

    private string SamplerInput()
    {
        var input = Path.Combine(_scratch, "in.json");
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "data", "upstream-demo", "sampler_input.json"), input, overwrite: true);
        return input;
    }

    /// <summary>Fake squeue processes (or their sleep) still running.</summary>
    private async Task<string> SqueuesLeftAsync() =>
        (await Shell.RunAsync("pgrep", ["-af", $"{_scratch}/bin/squeue|sleep 1234"])).Stdout.Trim();

    private Task<CommandResult> RunQrunAsync(string[] arguments, bool early, Dictionary<string, string?>? overrides = null)
    {
        var environment = services.DirectModeEnvironment();
        environment["PATH"] = $"{Path.Combine(_scratch, "bin")}:/usr/bin:/bin";
        environment["SLURM_JOB_ID"] = "4242";
        environment["QRUN_EARLY_SQUEUE"] = early ? null : "0";
        foreach (var (name, value) in overrides ?? [])
            environment[name] = value;
        return Shell.RunAsync(Qrun, [.. arguments, "--log-level", "info"], TimeSpan.FromMinutes(1), environment);
    }
}
