using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

/// <summary>Issue 5, points 1 and 4: every setting as key=value on the plugstack.conf line, strictly parsed; IAM settings.</summary>
[Collection(SlurmCollection.Name)]
public sealed class KeyedConfigurationTests : IDisposable
{
    private static readonly string[] SeedAsKeys =
    [
        $"appid_client_id={TestSite.ClientId}", $"appid_secret={TestSite.ClientSecret}", $"daapi_endpoint={TestSite.DaEndpoint}",
        $"aws_access_key_id={TestSite.AccessKeyId}", $"aws_secret_access_key={TestSite.SecretAccessKey}",
        $"s3_endpoint={TestSite.S3Endpoint}", $"s3_bucket={TestSite.Bucket}", $"s3_region={TestSite.Region}",
    ];

    private readonly JobWorkspace _workspace = new();

    public static TheoryData<string[], string> MalformedLines() => new()
    {
        { [.. SeedAsKeys, "apikey=xyz"], "plugstack.conf argument 9 (apikey=...): unknown key 'apikey'" },
        { [.. SeedAsKeys, "s3_bucket=other"], "plugstack.conf argument 9: key 's3_bucket' is repeated (first in argument 7)" },
        { [.. SeedAsKeys.Take(3), TestSite.AccessKeyId, .. SeedAsKeys.Skip(4)], "plugstack.conf argument 4 is not key=value (keys are lower case) but argument 1 (appid_client_id=...) is" },
    };

    public void Dispose()
    {
        Plugstack.ConfigureTestSite();
        _workspace.Dispose();
    }

    [Fact]
    public async Task KeyedLine_GivesTheSameEnvironmentAsTheSeedsPositionalLine()
    {
        Plugstack.Configure(SeedAsKeys);

        var result = await Shell.RunAsync("srun", ["-N2", "-n2", "--q-backend=fake_brisbane", "--q-primitive=sampler", _workspace.CaptureScript, "keyed"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var tasks = _workspace.Captures("keyed");
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(TestSite.ExpectedEnvironment("fake_brisbane", "sampler"), t.QrunVariables));
    }

    [Fact]
    public async Task IamSettings_BecomeTheIamVariablesAlongsideTheAppIdPair()
    {
        Plugstack.Configure([.. SeedAsKeys, "iam_apikey=e2e-iam-key-7Yh", "service_crn=crn:v1:e2e::", "iam_endpoint=https://iam.example.test"]);

        var result = await Shell.RunAsync("srun", ["-N1", "--q-backend=fake_brisbane", _workspace.CaptureScript, "iam"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var variables = Assert.Single(_workspace.Captures("iam")).QrunVariables;
        Assert.Equal("e2e-iam-key-7Yh", variables["IBMQRUN_IAM_APIKEY"]);
        Assert.Equal("crn:v1:e2e::", variables["IBMQRUN_SERVICE_CRN"]);
        Assert.Equal("https://iam.example.test", variables["IBMQRUN_IAM_ENDPOINT"]);
        Assert.Equal(TestSite.ClientSecret, variables["IBMQRUN_APPID_SECRET"]);
    }

    [Fact]
    public async Task IamInsteadOfAppId_GivesNoAppIdVariableEvenWhenTheJobInheritedOne()
    {
        Plugstack.Configure([.. SeedAsKeys.Skip(2), "iam_apikey=e2e-iam-key-7Yh", "service_crn=crn:v1:e2e::", "iam_endpoint=https://iam.example.test"]);
        var inherited = new Dictionary<string, string?> { ["IBMQRUN_APPID_SECRET"] = "stale-from-another-backend" };

        var result = await Shell.RunAsync("srun", ["-N1", "--q-backend=fake_brisbane", _workspace.CaptureScript, "iam"], environment: inherited);

        Assert.True(result.ExitCode == 0, result.ToString());
        var variables = Assert.Single(_workspace.Captures("iam")).QrunVariables;
        Assert.Equal("e2e-iam-key-7Yh", variables["IBMQRUN_IAM_APIKEY"]);
        Assert.DoesNotContain("IBMQRUN_APPID_SECRET", variables.Keys);
        Assert.DoesNotContain("IBMQRUN_APPID_CLIENT_ID", variables.Keys);
    }

    [Theory]
    [MemberData(nameof(MalformedLines))]
    public async Task MalformedLine_FailsOnlyJobsThatAskedWithOneLineNamingTheWordAndLogsItOnceInSlurmd(string[] words, string problem)
    {
        Plugstack.Configure(words);
        var output = _workspace.PathOf("out");

        var plain = await Shell.RunAsync("srun", ["-N1", "echo", "ran"]);
        var batch = await Shell.RunAsync("sbatch",
            ["--wait", "-N1", "-n3", $"--output={output}", "--wrap", "srun -n3 --q-backend=fake_brisbane echo should-not-run"]);

        Assert.True(plain.ExitCode == 0 && plain.Stdout == "ran\n", plain.ToString());
        Assert.True(batch.ExitCode != 0, batch.ToString());
        var text = File.ReadAllText(output);
        Assert.DoesNotContain("should-not-run", text);
        var line = Assert.Single(text.Split('\n'), l => l.Contains("spank_ibm_qrun", StringComparison.Ordinal));
        Assert.Contains($"spank_ibm_qrun: the site configuration is broken: {problem}", line);
        Assert.DoesNotContain(TestSite.AccessKeyId, line);
        var log = SlurmdLog.LinesOfJob(SlurmCluster.JobIdOf(batch.Stdout));
        Assert.Single(log, l => l.Contains($"spank_ibm_qrun: site configuration: {problem}", StringComparison.Ordinal));
        Assert.Single(log, l => l.Contains("spank_ibm_qrun: the site configuration is broken: ", StringComparison.Ordinal));
        Assert.All((await SlurmCluster.NodeStatesAsync()).Values, state => Assert.DoesNotContain("drain", state));
    }
}
