using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

/// <summary>
/// Issue 5, points 3 and 5: several backends with their own endpoint, credentials, bucket and region
/// over shared defaults, selected by --q-backend; a backend the site does not offer is refused at submit time.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class SeveralBackendsTests : IDisposable
{
    private const int RefusedExitCode = 255;

    private readonly JobWorkspace _workspace = new();
    private readonly SecretsFile _secrets = SecretsFile.Create(TwoBackendSite.SecretsContent);

    public SeveralBackendsTests() => Plugstack.Configure(TwoBackendSite.Arguments(_secrets.Path));

    public void Dispose()
    {
        Plugstack.ConfigureTestSite();
        _secrets.Dispose();
        _workspace.Dispose();
    }

    [Theory]
    [InlineData(TwoBackendSite.Torino)]
    [InlineData(TwoBackendSite.Fez)]
    public async Task EachBackend_GivesItsTasksExactlyItsOwnValuesOverTheDefaults(string backend)
    {
        var result = await Shell.RunAsync("srun", ["-N2", "-n3", $"--q-backend={backend}", "--q-primitive=sampler", _workspace.CaptureScript, "step"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var tasks = _workspace.Captures("step");
        Assert.Equal(3, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(TwoBackendSite.ExpectedEnvironment(backend, "sampler"), t.QrunVariables));
    }

    [Fact]
    public async Task StepForAnotherBackendInsideABatchJob_GetsOnlyThatBackendsCredentials()
    {
        var script = _workspace.WriteScript("job.sh", $"""
            #!/bin/bash
            #SBATCH --q-backend={TwoBackendSite.Torino}
            #SBATCH --q-primitive=sampler
            {_workspace.CaptureScript} batch
            srun --q-backend={TwoBackendSite.Fez} {_workspace.CaptureScript} other
            """);

        var batch = await Shell.RunAsync("sbatch", ["--wait", "-N1", $"--output={_workspace.PathOf("out")}", script]);

        Assert.True(batch.ExitCode == 0, batch + File.ReadAllText(_workspace.PathOf("out")));
        Assert.Equal(TwoBackendSite.ExpectedEnvironment(TwoBackendSite.Torino, "sampler"), Assert.Single(_workspace.Captures("batch")).QrunVariables);
        // The IAM key of the batch job's backend must not reach a step that asked for the App ID backend.
        Assert.Equal(TwoBackendSite.ExpectedEnvironment(TwoBackendSite.Fez, "sampler"), Assert.Single(_workspace.Captures("other")).QrunVariables);
    }

    [Theory]
    [InlineData("sbatch")]
    [InlineData("salloc")]
    [InlineData("srun")]
    public async Task BackendTheSiteDoesNotOffer_IsRefusedAtSubmitWithTheListOfThoseItDoes(string command)
    {
        var marker = _workspace.PathOf("ran");
        string[] arguments = command == "sbatch"
            ? ["--q-backend=ibm_foo", $"--output={_workspace.PathOf("out")}", "--wrap", $"touch {marker}"]
            : ["--q-backend=ibm_foo", "touch", marker];

        var result = await Shell.RunAsync(command, arguments);

        Assert.True(result.ExitCode == RefusedExitCode, result.ToString());
        Assert.Contains($"{command}: error: spank_ibm_qrun: unknown backend 'ibm_foo'; available: ibm_torino, ibm_fez", result.Stderr);
        Assert.DoesNotContain("Submitted batch job", result.Stdout);
        Assert.False(File.Exists(marker), "the command ran although the backend was refused");
    }

    [Fact]
    public async Task BackendOutsideTheListReachingTheStepAnyway_FailsTheTaskWithTheSameMessage()
    {
        // Users can hand slurmstepd an option value through the environment, bypassing srun's check.
        var bypass = new Dictionary<string, string?> { ["SLURM_SPANK__SLURM_SPANK_OPTION_spank_ibm_qrun_q_backend"] = "ibm_foo" };

        var result = await Shell.RunAsync("srun", ["-N1", "echo", "should-not-run"], environment: bypass);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.DoesNotContain("should-not-run", result.Stdout);
        Assert.Contains("spank_ibm_qrun: unknown backend 'ibm_foo'; available: ibm_torino, ibm_fez", result.Stderr);
    }

    [Fact]
    public async Task SiteWithoutAList_AcceptsAnyWellFormedName()
    {
        Plugstack.Configure([.. TwoBackendSite.Arguments(_secrets.Path).Where(w => !w.StartsWith("backends=", StringComparison.Ordinal) && !w.StartsWith("ibm_", StringComparison.Ordinal)),
                             "appid_client_id=e2e-default-client", "appid_secret=e2e-default-secret"]);
        File.WriteAllText(_secrets.Path, $"aws_access_key_id = {TwoBackendSite.SharedAccessKey}\naws_secret_access_key = {TwoBackendSite.SharedSecretKey}\n");

        var result = await Shell.RunAsync("srun", ["-N1", "--q-backend=any_backend.v2", _workspace.CaptureScript, "any"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var variables = Assert.Single(_workspace.Captures("any")).QrunVariables;
        Assert.Equal("any_backend.v2", variables["IBMQRUN_BACKEND"]);
        Assert.Equal(TwoBackendSite.SharedSecretKey, variables["IBMQRUN_AWS_SECRET_ACCESS_KEY"]);
    }

    [Fact]
    public async Task BackendMissingASetting_FailsOnlyItsJobsAndNamesTheSetting()
    {
        File.WriteAllText(_secrets.Path, TwoBackendSite.SecretsContent.Replace($"iam_apikey = {TwoBackendSite.TorinoApiKey}", string.Empty, StringComparison.Ordinal));

        var torino = await Shell.RunAsync("srun", ["-N1", "--q-backend=ibm_torino", "echo", "should-not-run"]);
        var fez = await Shell.RunAsync("srun", ["-N1", "--q-backend=ibm_fez", "echo", "ran"]);

        Assert.True(torino.ExitCode != 0, torino.ToString());
        Assert.Contains("spank_ibm_qrun: the site configuration is broken: no credentials for backend 'ibm_torino': set iam_apikey, service_crn and iam_endpoint (IAM), or appid_client_id and appid_secret (App ID); ask your administrator", torino.Stderr);
        Assert.True(fez.ExitCode == 0 && fez.Stdout == "ran\n", fez.ToString());
    }
}
