using SpankQrun.Plugin.Core;

namespace SpankQrun.Plugin.Tests;

/// <summary>The C glue decides where managed code runs; these tests load the real library in a stub Slurm host.</summary>
public sealed class GlueDispatchTests(StubHost host) : IClassFixture<StubHost>
{
    private static readonly string[] Secrets = ["glue-client-6b1", "glue-secret-c44", "glue-key-09e", "glue-s3secret-7fa"];

    private static readonly string[] SiteArguments =
        [Secrets[0], Secrets[1], "http://127.0.0.1:8290", Secrets[2], Secrets[3], "http://127.0.0.1:9000", "bucket", "us-east-1"];

    [Theory]
    [InlineData("local")]
    [InlineData("allocator")]
    [InlineData("remote")]
    public async Task Init_InCommandAndStepContexts_RegistersBothOptionsWithTheSeedsHelpText(string context)
    {
        var run = await host.RunAsync(context, "init", "threads");

        Assert.Equal(["0"], run.Values("INIT_RC"));
        Assert.Equal(
            ["q-backend name|Name of Qiskit backend.", "q-primitive type|Qiskit primitive type(sampler or estimator)."],
            run.Values("OPTION"));
        Assert.Equal([1], run.Threads);
    }

    [Theory]
    [InlineData("slurmd")]
    [InlineData("job_script")]
    public async Task Init_InSlurmdAndPrologContexts_RegistersNothingAndNeverStartsTheRuntime(string context)
    {
        var run = await host.RunAsync(context, "init", "threads");

        Assert.Equal(["0"], run.Values("INIT_RC"));
        Assert.Equal(["0"], run.Values("OPTIONS"));
        Assert.Equal([1], run.Threads);
    }

    [Theory]
    [InlineData("local")]
    [InlineData("allocator")]
    public async Task SubmitSide_ValidOptions_AreAcceptedWithoutStartingTheRuntime(string context)
    {
        var run = await host.RunAsync(context, "init", "option", "q-backend", "ibm_torino", "option", "q-primitive", "Estimator", "post_opt", "threads");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["0", "0"], run.Values("OPTION_RC"));
        Assert.Equal(["0"], run.Values("POST_OPT_RC"));
        Assert.Equal([1], run.Threads);
    }

    [Fact]
    public async Task SubmitSide_InvalidValue_IsRefusedWithTheManagedMessageAndSigpipeUntouched()
    {
        var run = await host.RunAsync("local", "init", "option", "q-backend", "ibm torino", "threads", "sigpipe");

        Assert.Equal(["-1"], run.Values("OPTION_RC"));
        Assert.Equal(["spank_ibm_qrun: " + OptionValidator.CheckBackend("ibm torino")], run.Errors);
        Assert.True(run.Threads.Single() > 1, "the managed validator should have run");
        Assert.Equal(["default"], run.Values("SIGPIPE"));
    }

    [Fact]
    public async Task SubmitSide_HostThatIgnoresSigpipe_KeepsItIgnored()
    {
        var run = await host.RunAsync("local", "init", "ignore_sigpipe", "option", "q-primitive", "nope", "sigpipe");

        Assert.Equal(["-1"], run.Values("OPTION_RC"));
        Assert.Equal(["ignored"], run.Values("SIGPIPE"));
    }

    [Fact]
    public async Task SubmitSide_PrimitiveWithoutBackend_ExitsTheCommandWithTheRefusalCode()
    {
        var run = await host.RunAsync("allocator", "init", "option", "q-primitive", "sampler", "post_opt");

        Assert.Equal(255, run.ExitCode);
        Assert.Empty(run.Values("POST_OPT_RC"));
        Assert.Equal(["spank_ibm_qrun: --q-primitive='sampler' also needs --q-backend=NAME, e.g. --q-backend=ibm_torino"], run.Errors);
    }

    [Fact]
    public async Task OptionCallback_AgreesWithTheManagedValidatorOnEveryValueOfACorpus()
    {
        var random = new Random(7);
        const string alphabet = "abcXYZ019_-.+/ :;@é\t";
        var corpus = new List<string> { "sampler", "SAMPLER", "Estimator", "estimator ", "sample", "x", "-", ".", "_", new('a', 128), new('a', 129), "a\nb", "ibm_torino", "ibm-torino.v2" };
        for (var i = 0; i < 150; i++)
            corpus.Add(new string([.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => alphabet[random.Next(alphabet.Length)])]));

        foreach (var (option, name) in new[] { (QrunOption.Backend, "q-backend"), (QrunOption.Primitive, "q-primitive") })
        {
            var run = await host.RunAsync("local", ["init", .. corpus.SelectMany(v => new[] { "option", name, v })]);

            var expected = corpus.Select(v => OptionValidator.Check(option, v) is null ? "0" : "-1").ToList();
            var actual = run.Values("OPTION_RC");
            for (var i = 0; i < corpus.Count; i++)
                Assert.True(expected[i] == actual[i], $"--{name}='{corpus[i]}': the library returned {actual[i]}, the validator says {expected[i]}");
        }
    }

    [Fact]
    public async Task StepSide_StepThatAsksForABackend_LogsTheVersionOnceAtInfoLevelWithoutStartingTheRuntime()
    {
        var version = File.ReadAllText(Path.Combine(TestSupport.RepositoryPaths.Root, "VERSION")).Trim();

        var run = await host.RunAsync("remote", "init", "option", "q-backend", "ibm_torino", "option", "q-primitive", "sampler", "post_opt", "threads");

        var line = Assert.Single(run.Values("LOG"), l => l.Contains("version", StringComparison.Ordinal));
        Assert.Matches($@"^slurm_info spank_ibm_qrun: version {System.Text.RegularExpressions.Regex.Escape(version)} \(built for Slurm \d+\.\d\d\.\d+\) serves job 4242 step 4242$", line);
        Assert.Equal([1], run.Threads);
    }

    [Fact]
    public async Task StepSide_StepWithoutTheOptions_LogsNothing()
    {
        var run = await host.RunAsync("remote", "init", "post_opt", "threads");

        Assert.Empty(run.Values("LOG"));
        Assert.Equal([1], run.Threads);
    }

    [Fact]
    public async Task StepSide_OptionValuesAreStoredWithoutStartingTheRuntime()
    {
        var run = await host.RunAsync("remote", "init", "option", "q-backend", "bad value", "option", "q-primitive", "nope", "threads");

        Assert.Equal(["0", "0"], run.Values("OPTION_RC"));
        Assert.Equal([1], run.Threads);
        Assert.Empty(run.Errors);
    }

    [Fact]
    public async Task TaskInit_WithOptions_SetsTheEnvironmentAndRestoresSigpipe()
    {
        var run = await host.RunAsync("remote", ["init", "option", "q-backend", "fake_brisbane", "option", "q-primitive", "SAMPLER", "task_init", .. SiteArguments]);

        Assert.Equal(["0"], run.Values("TASK_INIT_RC"));
        Assert.Equal("fake_brisbane", run.Environment["IBMQRUN_BACKEND"]);
        Assert.Equal("sampler", run.Environment["IBMQRUN_PRIMITIVE"]);
        Assert.Equal(Secrets[3], run.Environment["IBMQRUN_AWS_SECRET_ACCESS_KEY"]);
        Assert.Equal(10, run.Environment.Count);
        Assert.Equal(["default"], run.Values("SIGPIPE"));
        foreach (var secret in Secrets)
            Assert.DoesNotContain(run.Values("LOG"), l => l.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TaskInit_WithoutOptions_DoesNothingAndNeverStartsTheRuntime()
    {
        var run = await host.RunAsync("remote", "init", "task_init", "only", "two");

        Assert.Equal(["0"], run.Values("TASK_INIT_RC"));
        Assert.Empty(run.Environment);
        Assert.Equal([1], run.Threads);
        Assert.Empty(run.Errors);
    }

    [Fact]
    public async Task TaskInit_BrokenConfiguration_ExitsTheTaskWithCodeOneAndOneErrorLine()
    {
        var run = await host.RunAsync("remote", "init", "option", "q-backend", "fake_brisbane", "task_init", "only", "two");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Values("TASK_INIT_RC"));
        Assert.Empty(run.Environment);
        Assert.Equal(
            ["spank_ibm_qrun: the site configuration is broken: the plugstack.conf line for spank_ibm_qrun has 2 argument(s); expected 8: " +
             "APPID_CLIENT_ID APPID_SECRET DAAPI_ENDPOINT AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY S3_ENDPOINT S3_BUCKET S3_REGION (or key=value settings); ask your administrator"],
            run.Errors);
    }

    [Fact]
    public async Task TaskInit_LastValueGivenWins()
    {
        var run = await host.RunAsync("remote", ["init", "option", "q-backend", "first", "option", "q-backend", "second", "task_init", .. SiteArguments]);

        Assert.Equal("second", run.Environment["IBMQRUN_BACKEND"]);
    }

    [Fact]
    public async Task TaskInit_OutsideSlurmstepd_DoesNothing()
    {
        var run = await host.RunAsync("local", ["init", "option", "q-backend", "fake_brisbane", "task_init", .. SiteArguments]);

        Assert.Equal(["0"], run.Values("TASK_INIT_RC"));
        Assert.Empty(run.Environment);
        Assert.Equal([1], run.Threads);
    }

    [Fact]
    public async Task TaskInit_InvalidValueThatReachedTheStep_ExitsTheTaskWithTheValidatorsMessage()
    {
        var run = await host.RunAsync("remote", ["init", "option", "q-backend", "bad value", "task_init", .. SiteArguments]);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Environment);
        Assert.Equal(["spank_ibm_qrun: " + OptionValidator.CheckBackend("bad value")], run.Errors);
    }

    [Fact]
    public async Task PrimitiveOnly_InsideAJobThatHasABackend_IsAcceptedAndTheStepUsesThatBackend()
    {
        var inherited = new Dictionary<string, string?> { ["IBMQRUN_BACKEND"] = "fake_cairo" };

        var submit = await host.RunAsync("local", inherited, "init", "option", "q-primitive", "estimator", "post_opt", "threads");
        var step = await host.RunAsync("remote", inherited, ["init", "option", "q-primitive", "estimator", "task_init", .. SiteArguments]);

        Assert.Equal(["0"], submit.Values("POST_OPT_RC"));
        Assert.Equal([1], submit.Threads);
        Assert.Equal(["0"], step.Values("TASK_INIT_RC"));
        Assert.Equal("fake_cairo", step.Environment["IBMQRUN_BACKEND"]);
        Assert.Equal("estimator", step.Environment["IBMQRUN_PRIMITIVE"]);
    }

    [Fact]
    public async Task PluginVersion_IsTheSlurmVersionOfTheHeadersItWasBuiltWith()
    {
        var header = File.ReadAllText("/usr/include/slurm/slurm_version.h");
        var expected = Convert.ToUInt32(System.Text.RegularExpressions.Regex.Match(header, @"#define SLURM_VERSION_NUMBER 0x([0-9a-fA-F]+)").Groups[1].Value, 16);

        var run = await host.RunAsync("local", "version");

        Assert.Equal([expected.ToString(System.Globalization.CultureInfo.InvariantCulture)], run.Values("PLUGIN_VERSION"));
    }
}
