using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

/// <summary>
/// A qrun job that reaches its Slurm time limit while its Direct Access job is running: qrun gets Slurm's SIGTERM
/// before the service's timeout (timeout_secs = time left + grace), cancels and removes the job itself, and says so
/// in one line with exit code 143.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class TimeLimitTests : IClassFixture<QrunServices>, IDisposable
{
    private readonly QrunServices _services;
    private readonly JobWorkspace _workspace = new();

    public TimeLimitTests(QrunServices services)
    {
        _services = services;
        _services.ConfigurePlugin();
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "data", "upstream-demo", "sampler_input.json"), _workspace.PathOf("sampler_input.json"));
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task TimeLimit_WhileTheRemoteJobRuns_Exits143SayingTheLimitWasReachedAndTheJobRemoved()
    {
        var script = _workspace.WriteScript("job.sh", $"""
            #!/bin/bash
            #SBATCH --q-backend={QrunServices.LongRunningBackend}
            #SBATCH --q-primitive=sampler
            #SBATCH --time=1
            srun qrun sampler_input.json --results sampler_output.json
            echo "qrun exit code $?"
            """);
        var submitted = await Shell.RunAsync("sbatch", [$"--chdir={_workspace.Directory}", $"--output={_workspace.PathOf("slurm.out")}", script],
            TimeSpan.FromMinutes(1), new Dictionary<string, string?> { ["PATH"] = $"{Path.Combine(RepositoryPaths.Root, "build")}:{Environment.GetEnvironmentVariable("PATH")}" });
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        var jobId = SlurmCluster.JobIdOf(submitted.Stdout);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(240);
        while ((await Shell.RunAsync("squeue", ["-h", "-j", jobId])).Stdout.Trim().Length > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Slurm job {jobId} still runs after 240 s\n{Output()}");
            await Task.Delay(1000);
        }

        var output = Output();
        var state = (await Shell.RunAsync("scontrol", ["show", "job", jobId])).Stdout;
        Assert.True(state.Contains("JobState=TIMEOUT", StringComparison.Ordinal), state + "\n" + output);
        Assert.Matches(@"qrun: submitted job [0-9a-f-]{36} \(sampler on long_running, timeout \d+ s = Slurm time left \+ 120 s grace\)", output);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("time limit was reached", StringComparison.Ordinal));
        Assert.Matches(@"^qrun: the Slurm job's time limit was reached: job [0-9a-f-]{36} was cancelled and removed from the service; exit code 143$", line.Trim());
        Assert.DoesNotContain("timeout_secs", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"job [0-9a-f-]{36} failed", output);
        Assert.False(File.Exists(_workspace.PathOf("sampler_output.json")));
        Assert.Empty(await _services.DirectAccessJobsAsync());
        Assert.Empty(await _services.S3.ListObjectKeysAsync(QrunServices.Bucket));
    }

    private string Output() => File.Exists(_workspace.PathOf("slurm.out")) ? File.ReadAllText(_workspace.PathOf("slurm.out")) : "(no output file)";
}
