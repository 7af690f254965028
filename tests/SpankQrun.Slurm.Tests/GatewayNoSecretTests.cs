using System.Text.Json;
using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

/// <summary>
/// Gateway mode, issue 9 point 1: a job runs qrun to completion while everything it can read holds no
/// credential of the site; the credentials live only in the gateway's root-only configuration.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class GatewayNoSecretTests : IClassFixture<GatewaySite>, IDisposable
{
    private readonly GatewaySite _site;
    private readonly JobWorkspace _workspace = new();

    public GatewayNoSecretTests(GatewaySite site)
    {
        _site = site;
        _site.ConfigurePlugin();
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "data", "upstream-demo", "sampler_input.json"), _workspace.PathOf("sampler_input.json"));
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task JobThatDumpsEverythingItCanRead_FindsNoSiteCredential_AndQrunStillRuns()
    {
        // Everything a user's job can read: its environment (batch script and a step), every process's environment
        // and command line it may open, and every readable regular file below the places a site keeps configuration
        // and state. The job's own workspace is left out (the dump is written there).
        var script = _workspace.WriteScript("job.sh", $$"""
            #!/bin/bash
            #SBATCH --q-backend=fake_brisbane
            #SBATCH --q-primitive=sampler
            {{_workspace.CaptureScript}} batch
            srun {{_workspace.CaptureScript}} step
            {
              env
              srun bash -c 'env; tr "\0" "\n" < /proc/self/environ'
              for f in /proc/[0-9]*/environ /proc/[0-9]*/cmdline; do tr "\0" "\n" < "$f" 2>/dev/null; echo; done
              find /etc /var/lib /var/spool /var/log /run /tmp /root /home -xdev -path "$PWD" -prune -o -type f -readable -size -4M -print 2>/dev/null |
                while read -r f; do cat -- "$f" 2>/dev/null; done
            } > dump.txt 2>/dev/null
            echo "dump: $(wc -c < dump.txt) bytes"
            srun qrun sampler_input.json --results sampler_output.json
            """);

        var result = await UserJobs.SbatchAsync(UserJobs.FirstUser, _workspace, script, wait: true);

        var output = Read("slurm.out");
        Assert.True(result.ExitCode == 0, result + output + _site.GatewayOutput);
        var dump = Read("dump.txt");
        Assert.Contains($"IBMQRUN_GATEWAY={_site.Gateway.ToString().TrimEnd('/')}", dump);
        Assert.True(dump.Length > 100_000, $"the dump read too little to mean anything ({dump.Length} bytes)");
        foreach (var secret in _site.Secrets)
            Assert.False(dump.Contains(secret, StringComparison.Ordinal), $"a site credential is readable inside the job ({secret.Length} characters): {Around(dump, secret)}");

        foreach (var label in new[] { "batch", "step" })
        {
            var capture = Assert.Single(_workspace.Captures(label));
            Assert.Equal(["IBMQRUN_BACKEND", "IBMQRUN_GATEWAY", "IBMQRUN_PRIMITIVE"], capture.QrunVariables.Keys.Order(StringComparer.Ordinal));
        }

        using var results = JsonDocument.Parse(Read("sampler_output.json"));
        Assert.Equal(10_000, results.RootElement.GetProperty("results")[0].GetProperty("data").EnumerateObject().Single().Value.GetProperty("samples").GetArrayLength());
        Assert.Contains("qrun: submitted job ", output);
        Assert.True(await _site.WaitUntilNothingLeftAsync(TimeSpan.FromSeconds(30)), "qrun left its job or objects behind");
        foreach (var secret in _site.Secrets)
            Assert.DoesNotContain(secret, _site.GatewayOutput);
    }

    /// <summary>What the dump holds around the first place <paramref name="secret"/> is, with the secret masked.</summary>
    private static string Around(string dump, string secret)
    {
        var at = dump.IndexOf(secret, StringComparison.Ordinal);
        var start = Math.Max(0, at - 300);
        return dump[start..Math.Min(dump.Length, at + secret.Length + 300)].Replace(secret, "<secret>", StringComparison.Ordinal);
    }

    [Fact]
    public async Task CredentialVariablesInTheSubmittingEnvironment_DoNotReachTheTask()
    {
        var script = _workspace.WriteScript("job.sh", $"""
            #!/bin/bash
            #SBATCH --q-backend=fake_cairo
            {_workspace.CaptureScript} batch
            """);

        var result = await Shell.RunAsync("runuser",
            ["-u", UserJobs.FirstUser, "--", "env", "IBMQRUN_IAM_APIKEY=users-own-key", "IBMQRUN_AWS_SECRET_ACCESS_KEY=users-own-s3",
             "IBMQRUN_DAAPI_ENDPOINT=http://127.0.0.1:1", "sbatch", "--wait", $"--chdir={_workspace.Directory}", $"--output={_workspace.PathOf("slurm.out")}", script]);

        Assert.True(result.ExitCode == 0, result + Read("slurm.out"));
        var capture = Assert.Single(_workspace.Captures("batch"));
        Assert.Equal(["IBMQRUN_BACKEND", "IBMQRUN_GATEWAY"], capture.QrunVariables.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CredentialOnTheGatewayLine_FailsTheTaskNamingTheKey()
    {
        Plugstack.Configure([$"gateway={_site.Gateway.ToString().TrimEnd('/')}", $"backends={GatewaySite.Backends}", "iam_apikey=line-key-Jr8"]);
        var script = _workspace.WriteScript("job.sh", $"""
            #!/bin/bash
            #SBATCH --q-backend=fake_cairo
            {_workspace.CaptureScript} batch
            """);

        try
        {
            await UserJobs.SbatchAsync(UserJobs.FirstUser, _workspace, script, wait: true);
        }
        finally
        {
            _site.ConfigurePlugin();
        }

        Assert.Empty(_workspace.Captures("batch"));
        var output = Read("slurm.out");
        Assert.Contains("'iam_apikey' is not allowed with gateway=", output);
        Assert.DoesNotContain("line-key-Jr8", output);
    }

    private string Read(string name) => File.Exists(_workspace.PathOf(name)) ? File.ReadAllText(_workspace.PathOf(name)) : $"(no {name})";
}
