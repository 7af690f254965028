using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

[Collection(SlurmCollection.Name)]
public sealed class SecretMaskingTests : IDisposable
{
    private readonly JobWorkspace _workspace = new();

    public void Dispose()
    {
        Plugstack.ConfigureTestSite();
        _workspace.Dispose();
    }

    [Fact]
    public async Task TaskInit_LogsTheSeedsTraceInSlurmdLogWithSecretsMasked()
    {
        var result = await Shell.RunAsync("srun", ["-N1", "--q-backend=fake_brisbane", "--q-primitive=sampler", "true"]);
        Assert.True(result.ExitCode == 0, result.ToString());

        var log = SlurmdLog.AllText();
        Assert.Contains("spank_ibm_qrun: -> slurm_spank_task_init argc=8 remote=1", log);
        Assert.Contains("spank_ibm_qrun: argv[1] = [********]", log);
        Assert.Contains($"spank_ibm_qrun: argv[2] = [{TestSite.DaEndpoint}]", log);
        Assert.Contains("spank_ibm_qrun: requested backend [fake_brisbane] primitive [sampler]", log);
        Assert.Contains("spank_ibm_qrun: setenv IBMQRUN_APPID_CLIENT_ID=********", log);
        Assert.Contains("spank_ibm_qrun: setenv IBMQRUN_APPID_SECRET=********", log);
        Assert.Contains("spank_ibm_qrun: setenv IBMQRUN_AWS_ACCESS_KEY_ID=********", log);
        Assert.Contains("spank_ibm_qrun: setenv IBMQRUN_AWS_SECRET_ACCESS_KEY=********", log);
        Assert.Contains($"spank_ibm_qrun: setenv IBMQRUN_S3_BUCKET={TestSite.Bucket}", log);
        Assert.Contains("spank_ibm_qrun: <- slurm_spank_task_init rc=0", log);
    }

    [Fact]
    public async Task JobsOfEveryKind_LeaveNoSecretInAnySlurmLogOrInOutputThatDidNotPrintTheEnvironment()
    {
        var outputs = new List<string>();
        outputs.Add((await Shell.RunAsync("srun", ["-N2", "-n2", "--q-backend=fake_brisbane", "--q-primitive=sampler", "true"])).Output);
        outputs.Add((await Shell.RunAsync("salloc", ["-N1", "--q-backend=fake_cairo", "--q-primitive=estimator", "srun", "true"])).Output);
        outputs.Add((await Shell.RunAsync("sbatch", ["--wait", $"--output={_workspace.PathOf("batch.out")}", "--q-backend=fake_lagos", "--q-primitive=sampler", "--wrap", "srun true"])).Output);
        outputs.Add((await Shell.RunAsync("srun", ["-N1", "--q-backend=bad/name", "true"])).Output);
        outputs.Add((await Shell.RunAsync("srun", ["-N1", "--q-primitive=sampler", "true"])).Output);
        Plugstack.Configure([.. TestSite.Arguments.Take(2), "not-a-url", .. TestSite.Arguments.Skip(3)]);
        outputs.Add((await Shell.RunAsync("srun", ["-N1", "--q-backend=fake_brisbane", "true"])).Output);
        Plugstack.Configure(TestSite.Arguments.Skip(1).ToArray());
        outputs.Add((await Shell.RunAsync("srun", ["-N1", "--q-backend=fake_brisbane", "true"])).Output);
        outputs.Add(File.ReadAllText(_workspace.PathOf("batch.out")));
        using (var secrets = SecretsFile.Create(TwoBackendSite.SecretsContent))
        {
            Plugstack.Configure(TwoBackendSite.Arguments(secrets.Path));
            outputs.Add((await Shell.RunAsync("srun", ["-N2", "-n2", "--q-backend=ibm_torino", "--q-primitive=sampler", "true"])).Output);
            outputs.Add((await Shell.RunAsync("runuser", ["-u", "qrunuser", "--", "srun", "-N1", "--chdir=/tmp", "--q-backend=ibm_fez", "true"])).Output);
            outputs.Add((await Shell.RunAsync("srun", ["-N1", "--q-backend=ibm_foo", "true"])).Output);
            secrets.SetMode((UnixFileMode)0x1A4);
            outputs.Add((await Shell.RunAsync("srun", ["-N1", "--q-backend=ibm_fez", "true"])).Output);
            secrets.SetMode(SecretsFile.RootOnly);
            File.AppendAllText(secrets.Path, $"\n{TwoBackendSite.FezSecretKey}\niam_apikey = {TwoBackendSite.TorinoApiKey}\n");
            outputs.Add((await Shell.RunAsync("srun", ["-N1", "--q-backend=ibm_fez", "true"])).Output);
        }


        var places = SlurmCluster.LogFiles().Select(f => (Name: f, Text: File.ReadAllText(f)))
            .Concat(outputs.Select((o, i) => (Name: $"output of command {i}", Text: o)));
        foreach (var (name, text) in places)
        {
            foreach (var secret in TestSite.Secrets.Concat(TwoBackendSite.Secrets))
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{name} contains the secret {secret[..6]}...");
        }
    }
}
