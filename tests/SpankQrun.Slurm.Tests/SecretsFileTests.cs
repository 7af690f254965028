using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

/// <summary>
/// Issue 5, point 2: secrets in a root-only file that slurmstepd reads as root, only for jobs that asked
/// for a backend, refused when it is not safe, never opened by sbatch/srun/salloc.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class SecretsFileTests : IDisposable
{
    private const string TestUser = "qrunuser";

    private readonly JobWorkspace _workspace = new();
    private readonly SecretsFile _secrets = SecretsFile.Create(TwoBackendSite.SecretsContent);

    public SecretsFileTests() => Plugstack.Configure(TwoBackendSite.Arguments(_secrets.Path));

    public void Dispose()
    {
        Plugstack.ConfigureTestSite();
        _secrets.Dispose();
        _workspace.Dispose();
    }

    [Fact]
    public async Task JobOfAUserWhoCannotReadTheFile_ReceivesItsBackendsValues()
    {
        var asUser = await Shell.RunAsync("runuser",
            ["-u", TestUser, "--", "srun", "-N1", "--chdir=/tmp", "--q-backend=ibm_torino", "--q-primitive=sampler",
             "bash", "-c", $"id -un; cat {_secrets.Path} || echo cannot-read; {_workspace.CaptureScript} user"]);

        Assert.True(asUser.ExitCode == 0, asUser.ToString());
        Assert.StartsWith($"{TestUser}\ncannot-read\n", asUser.Stdout);
        Assert.Contains("Permission denied", asUser.Stderr);
        Assert.DoesNotContain(TwoBackendSite.TorinoApiKey, asUser.Stdout);
        var task = Assert.Single(_workspace.Captures("user"));
        Assert.Equal(TwoBackendSite.ExpectedEnvironment(TwoBackendSite.Torino, "sampler"), task.QrunVariables);
    }

    [Fact]
    public async Task BatchJobOfANonRootUser_AndItsSteps_ReceiveTheValues()
    {
        var script = _workspace.WriteScript("job.sh", $"""
            #!/bin/bash
            #SBATCH --q-backend=ibm_fez
            #SBATCH --q-primitive=estimator
            {_workspace.CaptureScript} batch
            srun -n2 {_workspace.CaptureScript} step
            """);

        var batch = await Shell.RunAsync("runuser",
            ["-u", TestUser, "--", "sbatch", "--wait", "-N2", "-n2", "--chdir=/tmp", $"--output={_workspace.PathOf("out")}", script]);

        Assert.True(batch.ExitCode == 0, batch + File.ReadAllText(_workspace.PathOf("out")));
        var tasks = _workspace.Captures("batch").Concat(_workspace.Captures("step")).ToList();
        Assert.Equal(3, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(TwoBackendSite.ExpectedEnvironment(TwoBackendSite.Fez, "estimator"), t.QrunVariables));
    }

    public static TheoryData<string, string> UnsafeFiles() => new()
    {
        { "mode 0644", "has mode 0644: it is readable or writable by group or others; refusing it (chmod 0600 {0})" },
        { "mode 0620", "has mode 0620: it is readable or writable by group or others; refusing it (chmod 0600 {0})" },
        { "owned by qrunuser", "is owned by uid {uid}, not root; refusing it (chown root:root {0})" },
        { "symbolic link", "is a symbolic link; name the file itself (a regular file owned by root, mode 0600 or 0400)" },
        { "missing", "cannot be read: No such file or directory" },
    };

    [Theory]
    [MemberData(nameof(UnsafeFiles))]
    public async Task UnsafeFile_IsRefusedWithAMessageThatSaysWhatIsWrongAndJobsWithoutOptionsRun(string unsafeCase, string expected)
    {
        var path = _secrets.Path;
        switch (unsafeCase)
        {
            case "mode 0644":
                _secrets.SetMode(SecretsFile.RootOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
                break;
            case "mode 0620":
                _secrets.SetMode(SecretsFile.RootOnly | UnixFileMode.GroupWrite);
                break;
            case "owned by qrunuser":
                await _secrets.SetOwnerAsync(TestUser);
                break;
            case "symbolic link":
                path = _secrets.CreateSymbolicLink();
                break;
            default:
                path = _secrets.Path + ".missing";
                break;
        }

        Plugstack.Configure(TwoBackendSite.Arguments(path));
        var uid = (await Shell.RunAsync("id", ["-u", TestUser])).Stdout.Trim();

        var plain = await Shell.RunAsync("srun", ["-N1", "echo", "ran"]);
        var step = await Shell.RunAsync("srun", ["-N1", "-n2", "--q-backend=ibm_torino", "echo", "should-not-run"]);

        Assert.True(plain.ExitCode == 0 && plain.Stdout == "ran\n", plain.ToString());
        Assert.True(step.ExitCode != 0, step.ToString());
        Assert.DoesNotContain("should-not-run", step.Stdout);
        var line = Assert.Single(step.Stderr.Split('\n'), l => l.Contains("spank_ibm_qrun", StringComparison.Ordinal));
        Assert.Contains($"spank_ibm_qrun: the site configuration is broken: the secrets file {path} {expected.Replace("{0}", path).Replace("{uid}", uid)}; ask your administrator", line);
        Assert.All(TwoBackendSite.Secrets, secret => Assert.DoesNotContain(secret, step.Output));
        Assert.All((await SlurmCluster.NodeStatesAsync()).Values, state => Assert.DoesNotContain("drain", state));
    }

    [Fact]
    public async Task MalformedFile_NamesTheLineAndKeyButNeverAValue()
    {
        const string leaked = "e2e-pasted-secret-K4v";
        File.WriteAllText(_secrets.Path, $"""
            aws_access_key_id = {TwoBackendSite.SharedAccessKey}
            aws_secret_access_key = {TwoBackendSite.SharedSecretKey}
            {leaked}
            [ibm_torino]
            iam_apikey = {TwoBackendSite.TorinoApiKey}
            iam_apikey = {leaked}
            """.ReplaceLineEndings("\n"));
        var output = _workspace.PathOf("out");

        var batch = await Shell.RunAsync("sbatch",
            ["--wait", "-N1", $"--output={output}", "--q-backend=ibm_torino", "--wrap", "echo should-not-run"]);

        Assert.True(batch.ExitCode != 0, batch.ToString());
        var text = File.ReadAllText(output);
        Assert.Contains($"the site configuration is broken: {_secrets.Path} line 3 is not key=value, [backend], a # comment or blank (its text is not shown) (and 1 more problem(s), listed in the node's slurmd log); ask your administrator", text);
        var log = SlurmdLog.LinesOfJob(SlurmCluster.JobIdOf(batch.Stdout));
        Assert.Single(log, l => l.Contains($"spank_ibm_qrun: site configuration: {_secrets.Path} line 6 (iam_apikey): 'iam_apikey' is repeated in [ibm_torino] (first at line 5)", StringComparison.Ordinal));
        foreach (var place in log.Append(text))
            Assert.DoesNotContain(leaked, place);
    }

    [Fact]
    public async Task SubmittingCommands_NeverOpenTheFile()
    {
        var trace = _workspace.PathOf("strace");
        string[] commands =
        [
            $"srun -N1 --q-backend=ibm_fez --q-primitive=sampler true",
            $"salloc -N1 --q-backend=ibm_torino srun true",
            $"sbatch --wait -N1 --output={_workspace.PathOf("out")} --q-backend=ibm_fez --wrap true",
        ];

        foreach (var command in commands)
        {
            var traced = await Shell.RunAsync("strace", ["-f", "-e", "trace=%file", "-o", trace, .. command.Split(' ')]);

            Assert.True(traced.ExitCode == 0, traced.ToString());
            var calls = File.ReadAllText(trace);
            Assert.Contains("plugstack", calls);
            Assert.DoesNotContain(_secrets.Path, calls);
        }
    }

    [Fact]
    public async Task OnlyJobsThatAskedForABackend_MakeSlurmstepdReadTheFile()
    {
        // Reading the file moves its access time forward when it is older than a day (relatime), so an
        // access time set two days back tells whether anything read it since.
        var past = DateTime.UtcNow.AddDays(-2);
        File.SetLastAccessTimeUtc(_secrets.Path, past);

        var plain = await Shell.RunAsync("srun", ["-N3", "-n3", "echo", "ran"]);
        var afterPlain = File.GetLastAccessTimeUtc(_secrets.Path);
        var asked = await Shell.RunAsync("srun", ["-N1", "--q-backend=ibm_fez", "true"]);
        var afterAsked = File.GetLastAccessTimeUtc(_secrets.Path);

        Assert.True(plain.ExitCode == 0 && asked.ExitCode == 0, plain.ToString() + asked);
        Assert.True(Math.Abs((afterPlain - past).TotalSeconds) < 1, $"a job without options read the secrets file at {afterPlain:O}");
        Assert.True(afterAsked > DateTime.UtcNow.AddHours(-1), "the job that asked for a backend did not read the secrets file");
    }
}
