using System.Diagnostics;
using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

/// <summary>
/// Gateway mode, issue 9 point 5: SIGTERM (how systemd stops qrun-gateway) stops it within its 15 s bound, and it
/// loses nothing: its state is in the database, so the gateway started again still cleans up the Direct Access job
/// of a Slurm job that ends after the restart.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class GatewayShutdownTests : IClassFixture<GatewaySite>, IDisposable
{
    private static readonly TimeSpan ShutdownBound = TimeSpan.FromSeconds(20);

    private readonly GatewaySite _site;
    private readonly JobWorkspace _workspace = new();

    public GatewayShutdownTests(GatewaySite site)
    {
        _site = site;
        _site.ConfigurePlugin();
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "data", "upstream-demo", "sampler_input.json"), _workspace.PathOf("sampler_input.json"));
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Sigterm_StopsTheGatewayInTime_AndTheRestartedGatewayCleansUpWhatItRecorded()
    {
        var script = _workspace.WriteScript("job.sh", $"""
            #!/bin/bash
            #SBATCH --q-backend={GatewaySite.SlowBackend}
            #SBATCH --q-primitive=sampler
            srun qrun sampler_input.json --results out.json
            """);
        var submitted = await UserJobs.SbatchAsync(UserJobs.FirstUser, _workspace, script, wait: false);
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        var jobId = SlurmCluster.JobIdOf(submitted.Stdout);
        var id = await UserJobs.WaitForSubmittedAsync(_workspace.PathOf("slurm.out"), TimeSpan.FromSeconds(90));

        var stopping = Stopwatch.StartNew();
        var exitCode = await _site.TerminateAsync(ShutdownBound);

        Assert.True(exitCode == 0, $"qrun-gateway exit {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} after {stopping.Elapsed.TotalSeconds:F1} s\n{_site.GatewayOutput}");
        Assert.Contains("Application is shutting down", _site.GatewayOutput, StringComparison.Ordinal);
        Assert.Contains(await _site.DirectAccessJobsAsync(), j => j.Id == id);

        await _site.RestartAsync();
        await Shell.RunAsync("scancel", [jobId]);
        await UserJobs.WaitUntilEndedAsync(jobId, TimeSpan.FromSeconds(120));
        Assert.True(await _site.WaitUntilNothingLeftAsync(TimeSpan.FromSeconds(60)), $"{id} is still there after the restart\n{_site.GatewayOutput}");
    }
}
