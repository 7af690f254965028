using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

/// <summary>
/// Gateway mode, issue 9 points 3 and 4, with two non-root users: each sees, cancels and deletes only the jobs of
/// their own Slurm jobs (another user's job answers 404); a Slurm job serves only the backend it was submitted
/// for. Requests are made the way any process in a job can make them: munge + curl.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class GatewayIsolationTests : IClassFixture<GatewaySite>, IDisposable
{
    private readonly GatewaySite _site;
    private readonly JobWorkspace _workspace = new();
    private readonly string _call;

    public GatewayIsolationTests(GatewaySite site)
    {
        _site = site;
        _site.ConfigurePlugin();
        foreach (var input in new[] { "sampler_input.json", "estimator_input.json" })
            File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "data", "upstream-demo", input), _workspace.PathOf(input));
        // call.sh URL METHOD PATH [BODY]: one request with a credential made for it; prints "STATUS BODY".
        _call = _workspace.WriteScript("call.sh", """
            #!/bin/bash
            url=$1 method=$2 path=$3 body=${4:-}
            TMPDIR=${TMPDIR:-/tmp}
            cred=$(munge -s "qrun-gateway/1 $method $path") || exit 9
            args=(-s -o "$TMPDIR/body.$$" -w '%{http_code}' -X "$method" -H "Authorization: MUNGE $cred")
            [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data "$body")
            code=$(curl "${args[@]}" "$url$path")
            echo "$code $(cat "$TMPDIR/body.$$" 2>/dev/null)"
            rm -f "$TMPDIR/body.$$"
            """);
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task SecondUser_GetsNotFoundForTheFirstUsersJob_AndCannotActForTheirSlurmJob()
    {
        var first = _workspace.WriteScript("first.sh", $"""
            #!/bin/bash
            #SBATCH --q-backend={GatewaySite.SlowBackend}
            #SBATCH --q-primitive=sampler
            srun qrun sampler_input.json --results first.json
            """);
        var submitted = await UserJobs.SbatchAsync(UserJobs.FirstUser, _workspace, first, wait: false, output: "first.out");
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        var firstJob = SlurmCluster.JobIdOf(submitted.Stdout);
        var id = await UserJobs.WaitForSubmittedAsync(_workspace.PathOf("first.out"), TimeSpan.FromSeconds(90));
        var gateway = _site.Gateway.ToString().TrimEnd('/');

        try
        {
            var own = await Shell.RunAsync("runuser", ["-u", UserJobs.FirstUser, "--", "srun", "--jobid", firstJob, "--overlap", "-n1", _call, gateway, "GET", $"/gateway/v1/jobs/{id}"]);
            var second = _workspace.WriteScript("second.sh", $$"""
                #!/bin/bash
                #SBATCH --q-backend={{GatewaySite.SlowBackend}}
                {{_call}} {{gateway}} GET /gateway/v1/jobs/{{id}} > get.txt
                {{_call}} {{gateway}} POST /gateway/v1/jobs/{{id}}/cancel > cancel.txt
                {{_call}} {{gateway}} DELETE /gateway/v1/jobs/{{id}} > delete.txt
                {{_call}} {{gateway}} GET /gateway/v1/jobs > list.txt
                {{_call}} {{gateway}} POST /gateway/v1/jobs '{"slurm_job_id":"{{firstJob}}","backend":"{{GatewaySite.SlowBackend}}","program_id":"sampler","input_bytes":10}' > create.txt
                """);
            var result = await UserJobs.SbatchAsync(GatewaySite.SecondUser, _workspace, second, wait: true, output: "second.out");

            Assert.True(result.ExitCode == 0, result + Read("second.out"));
            Assert.StartsWith("200 ", own.Stdout);
            Assert.Contains(id, own.Stdout);
            Assert.StartsWith("404 ", Read("get.txt"));
            Assert.StartsWith("404 ", Read("cancel.txt"));
            Assert.StartsWith("404 ", Read("delete.txt"));
            Assert.StartsWith("200 ", Read("list.txt"));
            Assert.DoesNotContain(id, Read("list.txt"));
            Assert.StartsWith("403 ", Read("create.txt"));
            foreach (var answer in new[] { "get.txt", "cancel.txt", "delete.txt", "list.txt", "create.txt" })
                Assert.DoesNotContain("X-Amz-", Read(answer), StringComparison.OrdinalIgnoreCase);
            Assert.Contains((await _site.DirectAccessJobsAsync()), j => j.Id == id && j.Status is "Queued" or "Running");
        }
        finally
        {
            await Shell.RunAsync("scancel", [firstJob]);
        }

        await UserJobs.WaitUntilEndedAsync(firstJob, TimeSpan.FromSeconds(60));
        Assert.True(await _site.WaitUntilNothingLeftAsync(TimeSpan.FromSeconds(60)), "the cancelled job's Direct Access job or objects are still there after 60 s");
    }

    [Fact]
    public async Task StepForAnotherBackend_IsRefusedWithAMessageNamingBoth()
    {
        var script = _workspace.WriteScript("job.sh", """
            #!/bin/bash
            #SBATCH --q-backend=fake_brisbane
            #SBATCH --q-primitive=sampler
            srun --q-backend=fake_cairo --q-primitive=estimator qrun estimator_input.json --results estimator_output.json
            echo "step exit $?"
            """);

        var result = await UserJobs.SbatchAsync(UserJobs.FirstUser, _workspace, script, wait: true);

        var output = Read("slurm.out");
        Assert.True(result.ExitCode == 0, result + output);
        Assert.Contains("step exit 2", output);
        Assert.Contains("fake_brisbane", output);
        Assert.Contains("fake_cairo", output);
        Assert.False(File.Exists(_workspace.PathOf("estimator_output.json")));
        Assert.True(await _site.WaitUntilNothingLeftAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task ForgedAndReplayedCredentials_AreRefusedWith401()
    {
        var script = _workspace.WriteScript("job.sh", $$"""
            #!/bin/bash
            #SBATCH --q-backend=fake_brisbane
            url={{_site.Gateway.ToString().TrimEnd('/')}}
            curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: MUNGE MUNGE:AAAAforged:" $url/gateway/v1/jobs > forged.txt
            cred=$(munge -s "qrun-gateway/1 GET /gateway/v1/jobs")
            curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: MUNGE $cred" $url/gateway/v1/jobs > first.txt
            curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: MUNGE $cred" $url/gateway/v1/jobs > replayed.txt
            other=$(munge -s "qrun-gateway/1 DELETE /gateway/v1/jobs")
            curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: MUNGE $other" $url/gateway/v1/jobs > mismatched.txt
            """);

        var result = await UserJobs.SbatchAsync(UserJobs.FirstUser, _workspace, script, wait: true);

        Assert.True(result.ExitCode == 0, result + Read("slurm.out"));
        Assert.Equal("401", Read("forged.txt").Trim());
        Assert.Equal("200", Read("first.txt").Trim());
        Assert.Equal("401", Read("replayed.txt").Trim());
        Assert.Equal("401", Read("mismatched.txt").Trim());
    }

    private string Read(string name) => File.Exists(_workspace.PathOf(name)) ? File.ReadAllText(_workspace.PathOf(name)) : $"(no {name})";
}
