using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

/// <summary>
/// Gateway mode: qrun derives timeout_secs from the Slurm time left, and the gateway refuses anything above its
/// max_timeout_secs (86400 by default). A job whose time limit is days longer than that must still run: qrun asks
/// for the site's largest timeout instead of being refused.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class GatewayTimeLimitTests : IClassFixture<GatewaySite>, IDisposable
{
    private readonly GatewaySite _site;
    private readonly JobWorkspace _workspace = new();

    public GatewayTimeLimitTests(GatewaySite site)
    {
        _site = site;
        _site.ConfigurePlugin();
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "data", "upstream-demo", "sampler_input.json"), _workspace.PathOf("sampler_input.json"));
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task TimeLimitOfThreeDays_BeyondTheGatewaysMaximum_RunsWithTheSiteMaximum()
    {
        var script = _workspace.WriteScript("job.sh", """
            #!/bin/bash
            #SBATCH --q-backend=fake_brisbane
            #SBATCH --q-primitive=sampler
            #SBATCH --time=3-00:00:00
            srun qrun sampler_input.json --results out.json 2> qrun.err
            echo "qrun exit $?"
            """);

        var result = await UserJobs.SbatchAsync(UserJobs.FirstUser, _workspace, script, wait: true);

        var errors = Read("qrun.err");
        Assert.True(result.ExitCode == 0, $"{result}\n{Read("slurm.out")}\n{errors}");
        Assert.Contains("qrun exit 0", Read("slurm.out"));
        Assert.Contains("timeout 86400 s = the site's largest, shorter than the Slurm time left", errors);
        // The gateway chose it from its own Slurm record, creating and submitting the small input's job in one
        // request: the gateway and the service (whose log qrun prints) both have it.
        var id = System.Text.RegularExpressions.Regex.Match(errors, "submitted job ([0-9a-f-]+) ").Groups[1].Value;
        Assert.Contains(_site.GatewayOutput.Split('\n'), line => line.Contains($"job {id} created for Slurm job", StringComparison.Ordinal)
            && line.Contains("submitted to Direct Access with timeout 86400 s (site_maximum)", StringComparison.Ordinal));
        Assert.Contains("running sampler (timeout 86400 s)", errors);
        Assert.True(File.Exists(_workspace.PathOf("out.json")), errors);
        Assert.True(await _site.WaitUntilNothingLeftAsync(TimeSpan.FromSeconds(30)), "jobs or objects left behind");
    }

    private string Read(string name) => File.Exists(_workspace.PathOf(name)) ? File.ReadAllText(_workspace.PathOf(name)) : $"(no {name})";
}
