using System.Diagnostics;
using System.Text.Json;
using SpankQrun.Slurm.Tests.Infrastructure;

namespace SpankQrun.Slurm.Tests;

/// <summary>
/// Gateway mode, issue 9 point 9: 200 qrun processes at once, 100 in a job of each of two users, through one
/// gateway against the emulator. Every one completes with its own results (the two users run circuits with
/// different outcomes, so a result that reached the wrong user would show), nothing is left behind, and the whole
/// run is bounded in time.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class GatewayLoadTests : IClassFixture<GatewaySite>, IDisposable
{
    private const int PerUser = 100;
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(8);

    private readonly GatewaySite _site;
    private readonly JobWorkspace _first = new();
    private readonly JobWorkspace _second = new();

    public GatewayLoadTests(GatewaySite site)
    {
        _site = site;
        _site.ConfigurePlugin();
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    [Fact]
    public async Task TwoHundredConcurrentQruns_OfTwoUsers_AllCompleteWithTheirOwnResults()
    {
        // The first user's circuit always measures 00, the second user's always 11.
        var zeros = Script(_first, "");
        var ones = Script(_second, "x $0; x $1; ");
        var clock = Stopwatch.StartNew();

        var results = await Task.WhenAll(
            UserJobs.SbatchAsync(UserJobs.FirstUser, _first, zeros, wait: true),
            UserJobs.SbatchAsync(GatewaySite.SecondUser, _second, ones, wait: true));

        clock.Stop();
        Assert.True(results[0].ExitCode == 0, results[0] + Read(_first, "slurm.out"));
        Assert.True(results[1].ExitCode == 0, results[1] + Read(_second, "slurm.out"));
        Assert.True(clock.Elapsed < Bound, $"200 qruns took {clock.Elapsed.TotalSeconds:0} s");
        AssertEveryRunGot(_first, "0x0");
        AssertEveryRunGot(_second, "0x3");
        Assert.True(await _site.WaitUntilNothingLeftAsync(TimeSpan.FromSeconds(60)), "jobs or objects left behind");
    }

    private static string Script(JobWorkspace workspace, string gates)
    {
        File.WriteAllText(workspace.PathOf("in.json"),
            $$"""{"pubs":[["OPENQASM 3.0; include \"stdgates.inc\"; bit[2] meas; {{gates}}meas[0] = measure $0; meas[1] = measure $1;",[],32]],"version":2,"support_qiskit":false}""");
        return workspace.WriteScript("load.sh", $"""
            #!/bin/bash
            #SBATCH --q-backend=fake_brisbane
            #SBATCH --q-primitive=sampler
            #SBATCH --time=10
            mkdir -p out err
            for i in $(seq {PerUser}); do
              qrun in.json --results out/$i.json 2> err/$i.txt &
            done
            failed=0
            for pid in $(jobs -p); do wait $pid || failed=$((failed + 1)); done
            echo "failed: $failed"
            """);
    }

    private static void AssertEveryRunGot(JobWorkspace workspace, string outcome)
    {
        Assert.Contains("failed: 0", Read(workspace, "slurm.out"));
        for (var i = 1; i <= PerUser; i++)
        {
            using var document = JsonDocument.Parse(Read(workspace, $"out/{i}.json"));
            var samples = document.RootElement.GetProperty("results")[0].GetProperty("data").EnumerateObject().Single().Value.GetProperty("samples");
            Assert.Equal(32, samples.GetArrayLength());
            Assert.All(samples.EnumerateArray(), s => Assert.Equal(outcome, s.GetString()));
        }
    }

    private static string Read(JobWorkspace workspace, string name) =>
        File.Exists(workspace.PathOf(name)) ? File.ReadAllText(workspace.PathOf(name)) : $"(no {name})";
}
