using SpankQrun.Plugin.Core;
using SpankQrun.TestSupport;

namespace SpankQrun.Plugin.Tests;

/// <summary>
/// The glue's part of the site configuration, in the real library: the backends= fast path on the submit
/// side, and the secrets file read as root in task_init_privileged and handed to task_init.
/// </summary>
public sealed class SiteConfigurationGlueTests(StubHost host) : IClassFixture<StubHost>, IDisposable
{
    private const string IamKey = "glue-iam-key-3Fq";
    private const string S3Secret = "glue-s3-secret-8Kd";

    private readonly string _directory = Directory.CreateTempSubdirectory("spank-glue-secrets-").FullName;

    private static string[] Plugstack(string secretsPath) =>
    [
        "backends=ibm_torino,ibm_fez", $"secrets={secretsPath}", "daapi_endpoint=http://127.0.0.1:8290",
        "s3_endpoint=http://127.0.0.1:9000", "s3_bucket=bucket", "s3_region=us-east-1",
        "service_crn=crn:v1:glue::", "iam_endpoint=http://127.0.0.1:8291",
    ];

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("local")]
    [InlineData("allocator")]
    public async Task SubmitSide_ListedBackend_IsAcceptedWithoutStartingTheRuntime(string context)
    {
        var run = await host.RunAsync(context, ["plugstack", "2", "backends=ibm_torino,ibm_fez", "secrets=/nonexistent", "init", "option", "q-backend", "ibm_fez", "threads"]);

        Assert.Equal(["0"], run.Values("OPTION_RC"));
        Assert.Equal([1], run.Threads);
    }

    [Fact]
    public async Task SubmitSide_UnlistedBackend_IsRefusedWithTheList()
    {
        var run = await host.RunAsync("local", ["plugstack", "1", "backends=ibm_torino,ibm_fez", "init", "option", "q-backend", "ibm_foo"]);

        Assert.Equal(["-1"], run.Values("OPTION_RC"));
        Assert.Equal(["spank_ibm_qrun: unknown backend 'ibm_foo'; available: ibm_torino, ibm_fez"], run.Errors);
    }

    [Fact]
    public async Task OptionCallback_AgreesWithTheManagedCheckForBackendsAgainstListsAndBrokenLines()
    {
        string[][] lines =
        [
            ["backends=ibm_torino,ibm_fez"],
            ["backends=ibm_torino", "backends=ibm_fez"],
            ["backends=ibm_torino,", "s3_bucket=b"],
            ["backends=a.b,a", "unknown=1"],
            ["positional", "backends=x"],
            ["gateway=http://gw.example:8291", "backends=ibm_torino,ibm_fez"],
            ["gateway=http://gw.example:8291", "backends=ibm_torino", "iam_apikey=k"],
            ["gateway=not-a-url", "backends=a"],
            [],
        ];
        string[] names = ["ibm_torino", "ibm_fez", "ibm_foo", "a", "a.b", "x", "ibm_torino,ibm_fez", "IBM_FEZ", "bad name"];

        foreach (var line in lines)
        {
            var run = await host.RunAsync("local", ["plugstack", line.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), .. line, "init",
                .. names.SelectMany(n => new[] { "option", "q-backend", n })]);

            var expected = names.Select(n => Core.Callbacks.SubmitCallbacks.CheckOption(new SilentHost(), QrunOption.Backend, n, line) == 0 ? "0" : "-1");
            Assert.Equal(expected, run.Values("OPTION_RC"));
        }
    }

    [Fact]
    public async Task StepSide_RootOnlySecretsFile_IsReadInCAndItsValuesReachTheTask()
    {
        var secrets = WriteSecrets($"aws_access_key_id=glue-key\naws_secret_access_key={S3Secret}\n[ibm_torino]\niam_apikey={IamKey}\n", (UnixFileMode)0x180);

        var run = await host.RunAsync("remote", ["plugstack", "8", .. Plugstack(secrets), "init", "option", "q-backend", "ibm_torino", "privileged", "task_init"]);

        Assert.Equal(["0"], run.Values("PRIVILEGED_RC"));
        Assert.Equal(1, run.Threads[0]);
        Assert.Equal(["0"], run.Values("TASK_INIT_RC"));
        Assert.Equal(IamKey, run.Environment["IBMQRUN_IAM_APIKEY"]);
        Assert.Equal(S3Secret, run.Environment["IBMQRUN_AWS_SECRET_ACCESS_KEY"]);
        Assert.DoesNotContain(run.Values("LOG"), l => l.Contains(IamKey, StringComparison.Ordinal) || l.Contains(S3Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StepSide_WithoutOptions_ReadsNothingAndStartsNoRuntime()
    {
        var secrets = WriteSecrets("not even key=value\n", (UnixFileMode)0x1FF);

        var run = await host.RunAsync("remote", ["plugstack", "8", .. Plugstack(secrets), "init", "privileged", "task_init"]);

        Assert.Equal(["0"], run.Values("TASK_INIT_RC"));
        Assert.Empty(run.Errors);
        Assert.Equal([1, 1], run.Threads);
    }

    [Fact]
    public async Task StepSide_FileOpenToOthers_IsRefusedWithItsMode()
    {
        var secrets = WriteSecrets($"iam_apikey={IamKey}\n", (UnixFileMode)0x1A4);

        var run = await host.RunAsync("remote", ["plugstack", "8", .. Plugstack(secrets), "init", "option", "q-backend", "ibm_torino", "privileged", "task_init"]);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.Errors);
        Assert.Contains($"the secrets file {secrets} has mode 0644: it is readable or writable by group or others", error);
        Assert.DoesNotContain(IamKey, run.Result.Output);
    }

    [Fact]
    public async Task StepSide_SymbolicLink_IsRefusedEvenToARootOnlyFile()
    {
        var secrets = WriteSecrets($"iam_apikey={IamKey}\n", (UnixFileMode)0x180);
        var link = Path.Combine(_directory, "link.conf");
        File.CreateSymbolicLink(link, secrets);

        var run = await host.RunAsync("remote", ["plugstack", "8", .. Plugstack(link), "init", "option", "q-backend", "ibm_torino", "privileged", "task_init"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"the secrets file {link} is a symbolic link", Assert.Single(run.Errors));
    }

    [Fact]
    public async Task StepSide_FileLargerThanTheLimit_IsRefused()
    {
        var secrets = WriteSecrets("# " + new string('x', 70_000) + "\n", (UnixFileMode)0x180);

        var run = await host.RunAsync("remote", ["plugstack", "8", .. Plugstack(secrets), "init", "option", "q-backend", "ibm_torino", "privileged", "task_init"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"the secrets file {secrets} is larger than 65536 bytes", Assert.Single(run.Errors));
    }

    [Fact]
    public async Task StepSide_FifoInPlaceOfTheFile_IsRefusedWithoutHanging()
    {
        var fifo = Path.Combine(_directory, "fifo.conf");
        var mkfifo = await Shell.RunAsync("mkfifo", ["-m", "0600", fifo]);
        Assert.Equal(0, mkfifo.ExitCode);

        var run = await host.RunAsync("remote", ["plugstack", "8", .. Plugstack(fifo), "init", "option", "q-backend", "ibm_torino", "privileged", "task_init"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"the secrets file {fifo} is not a regular file", Assert.Single(run.Errors));
    }

    [Fact]
    public async Task StepSide_InheritedVariablesTheBackendDoesNotConfigure_AreRemoved()
    {
        var secrets = WriteSecrets($"aws_access_key_id=k\naws_secret_access_key=s\nappid_client_id=c\nappid_secret=s\n", (UnixFileMode)0x180);
        var inherited = new Dictionary<string, string?> { ["IBMQRUN_IAM_APIKEY"] = "stale-key-of-another-backend" };

        var run = await host.RunAsync("remote", inherited,
            ["plugstack", "6", .. Plugstack(secrets).Take(6), "init", "option", "q-backend", "ibm_fez", "privileged", "task_init"]);

        Assert.Equal(["0"], run.Values("TASK_INIT_RC"));
        Assert.Equal(["IBMQRUN_IAM_APIKEY"], run.Removed);
        Assert.Equal("c", run.Environment["IBMQRUN_APPID_CLIENT_ID"]);
    }

    [Fact]
    public async Task StepSide_GatewayLine_TaskGetsOnlyTheGatewayAndItsRequest()
    {
        var inherited = new Dictionary<string, string?>
        {
            ["IBMQRUN_IAM_APIKEY"] = "inherited-key",
            ["IBMQRUN_AWS_SECRET_ACCESS_KEY"] = "inherited-s3-secret",
            ["IBMQRUN_DAAPI_ENDPOINT"] = "http://127.0.0.1:8290",
        };

        var run = await host.RunAsync("remote", inherited,
            ["plugstack", "2", "gateway=http://gw.example:8291", "backends=ibm_torino,ibm_fez", "init",
             "option", "q-backend", "ibm_fez", "option", "q-primitive", "estimator", "privileged", "task_init"]);

        Assert.Equal(["0"], run.Values("TASK_INIT_RC"));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["IBMQRUN_GATEWAY"] = "http://gw.example:8291",
                ["IBMQRUN_BACKEND"] = "ibm_fez",
                ["IBMQRUN_PRIMITIVE"] = "estimator",
            },
            run.Environment);
        Assert.Equal(["IBMQRUN_DAAPI_ENDPOINT", "IBMQRUN_AWS_SECRET_ACCESS_KEY", "IBMQRUN_IAM_APIKEY"], run.Removed);
    }

    [Fact]
    public async Task StepSide_GatewayLineWithASecretsFileHoldingCredentials_FailsNamingTheKey()
    {
        var secrets = WriteSecrets($"iam_apikey={IamKey}\n", (UnixFileMode)0x180);

        var run = await host.RunAsync("remote",
            ["plugstack", "3", "gateway=http://gw.example:8291", "backends=ibm_torino", $"secrets={secrets}", "init",
             "option", "q-backend", "ibm_torino", "privileged", "task_init"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{secrets} line 1 (iam_apikey): 'iam_apikey' is not allowed with gateway=", Assert.Single(run.Errors));
        Assert.DoesNotContain(IamKey, run.Result.Output);
    }

    [Fact]
    public async Task StepSide_FailureOnATaskOtherThanTheFirst_LogsNoErrorLine()
    {
        var environment = new Dictionary<string, string?> { ["STUB_LOCAL_TASK_ID"] = "2" };

        var run = await host.RunAsync("remote", environment, ["init", "option", "q-backend", "ibm_fez", "task_init", "only", "two"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Errors);
        Assert.Contains(run.Values("LOG"), l => l.Contains(Messages.FailedAsReportedByFirstTask(), StringComparison.Ordinal));
    }

    private string WriteSecrets(string content, UnixFileMode mode)
    {
        var path = Path.Combine(_directory, $"secrets-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, mode);
        return path;
    }

    /// <summary>For computing the managed check's answer in-process: it only logs.</summary>
    private sealed class SilentHost : ISpankHost
    {
        public void Log(PluginLogLevel level, string message)
        {
        }

        public bool TrySetEnvironment(string name, string value) => false;

        public bool TryUnsetEnvironment(string name) => false;

        public string? GetEnvironment(string name) => null;

        public bool TryGetItem(SpankItem item, out uint value)
        {
            value = 0;
            return false;
        }
    }
}
