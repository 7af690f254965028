using System.Diagnostics;
using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

/// <summary>
/// Gateway mode, issue 9 point 5: however a Slurm job ends, the gateway cancels its unfinished Direct Access jobs
/// and deletes them and their objects within 60 s, including when qrun never gets the chance (SIGKILL, node down).
/// The jobs run on a backend whose jobs wait 10 minutes before they start, so each is still queued at the end.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class GatewayCleanupTests : IClassFixture<GatewaySite>, IDisposable
{
    private static readonly TimeSpan CleanupBound = TimeSpan.FromSeconds(60);

    private readonly GatewaySite _site;
    private readonly JobWorkspace _workspace = new();

    public GatewayCleanupTests(GatewaySite site)
    {
        _site = site;
        _site.ConfigurePlugin();
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "data", "upstream-demo", "sampler_input.json"), _workspace.PathOf("sampler_input.json"));
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Scancel_TheGatewayJobIsGoneWithin60Seconds()
    {
        var (jobId, id) = await StartSlowJobAsync("srun qrun sampler_input.json --results out.json");

        await Shell.RunAsync("scancel", [jobId]);

        await AssertCleanedUpAsync(jobId, id, "CANCELLED");
    }

    [Fact]
    public async Task QrunKilledWithSigkill_TheGatewayCleansUpOnceTheSlurmJobEnds()
    {
        // qrun has no chance to cancel or delete anything; the batch script then ends, and so does the Slurm job.
        // It lives 5 s past the kill so that the test sees the orphaned Direct Access job before the gateway,
        // which acts once the Slurm job has ended, removes it.
        var (jobId, id) = await StartSlowJobAsync("""
            qrun sampler_input.json --results out.json 2> qrun.err &
            pid=$!
            until grep -q "submitted job" qrun.err 2>/dev/null; do sleep 0.2; done
            kill -KILL $pid
            wait $pid
            echo "qrun exit $?"
            sleep 5
            cat qrun.err
            """);

        await AssertCleanedUpAsync(jobId, id, "COMPLETED");
        Assert.Contains("qrun exit 137", Read("slurm.out"));
    }

    [Fact]
    public async Task TimeLimit_TheGatewayJobIsGoneWithin60SecondsOfTheLimit()
    {
        var (jobId, id) = await StartSlowJobAsync("srun qrun sampler_input.json --results out.json", "--time=1");

        await UserJobs.WaitUntilEndedAsync(jobId, TimeSpan.FromSeconds(200));

        await AssertCleanedUpAsync(jobId, id, "TIMEOUT");
    }

    [Fact]
    public async Task NodeDown_TheGatewayCleansUpTheJobsOfTheLostNode()
    {
        var (jobId, id) = await StartSlowJobAsync("srun qrun sampler_input.json --results out.json", "--nodelist=n3", "--no-requeue");

        var down = await Shell.RunAsync("scontrol", ["update", "nodename=n3", "state=down", "reason=spank-qrun gateway cleanup test"]);
        try
        {
            Assert.True(down.ExitCode == 0, down.ToString());
            await AssertCleanedUpAsync(jobId, id, null);
        }
        finally
        {
            await Shell.RunAsync("scontrol", ["update", "nodename=n3", "state=resume"]);
            await WaitForNodeAsync("n3", TimeSpan.FromSeconds(60));
        }
    }

    private async Task<(string JobId, string Id)> StartSlowJobAsync(string body, params string[] options)
    {
        var script = _workspace.WriteScript("job.sh", $"""
            #!/bin/bash
            #SBATCH --q-backend={GatewaySite.SlowBackend}
            #SBATCH --q-primitive=sampler
            {body}
            """);
        var submitted = await UserJobs.SbatchAsync(UserJobs.FirstUser, _workspace, script, wait: false, options: options);
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        var jobId = SlurmCluster.JobIdOf(submitted.Stdout);
        var id = await UserJobs.WaitForSubmittedAsync(_workspace.PathOf(body.Contains("qrun.err", StringComparison.Ordinal) ? "qrun.err" : "slurm.out"), TimeSpan.FromSeconds(90));
        Assert.Contains(await _site.DirectAccessJobsAsync(), j => j.Id == id);
        return (jobId, id);
    }

    private async Task AssertCleanedUpAsync(string jobId, string id, string? expectedState)
    {
        await UserJobs.WaitUntilEndedAsync(jobId, TimeSpan.FromSeconds(120));
        var ended = Stopwatch.StartNew();
        if (expectedState is not null)
            Assert.Equal(expectedState, await UserJobs.StateAsync(jobId));
        var clean = await _site.WaitUntilNothingLeftAsync(CleanupBound);
        Assert.True(clean, $"{id} or its objects are still there {CleanupBound.TotalSeconds} s after Slurm job {jobId} ended\n{Read("slurm.out")}\n{_site.GatewayOutput}");
        Assert.True(ended.Elapsed <= CleanupBound + TimeSpan.FromSeconds(5));
    }

    private static async Task WaitForNodeAsync(string node, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while ((await SlurmCluster.NodeStatesAsync()).GetValueOrDefault(node) is not ("idle" or "mixed" or "allocated"))
        {
            if (DateTime.UtcNow >= deadline)
                return;
            await Task.Delay(500);
        }
    }

    private string Read(string name) => File.Exists(_workspace.PathOf(name)) ? File.ReadAllText(_workspace.PathOf(name)) : $"(no {name})";
}
