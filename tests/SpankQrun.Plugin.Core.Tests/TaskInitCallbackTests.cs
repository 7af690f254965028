using SpankQrun.Plugin.Core.Callbacks;
using SpankQrun.Plugin.Core.Configuration;
using SpankQrun.Plugin.Core.Tests.Fakes;
using SpankQrun.Variables;

namespace SpankQrun.Plugin.Core.Tests;

public sealed class TaskInitCallbackTests
{
    [Fact]
    public void Run_ValidRequestAndConfiguration_SetsAllTenVariablesWithTheConfiguredValues()
    {
        var host = new RecordingSpankHost();

        var rc = TaskInitCallback.Run(host, SiteArguments.Valid(), "fake_brisbane", "Sampler", SecretsFileSnapshot.None);

        Assert.Equal(SpankResult.Success, rc);
        Assert.Equal(
            new Dictionary<string, string>
            {
                [IbmQrunVariables.Backend] = "fake_brisbane",
                [IbmQrunVariables.Primitive] = "sampler",
                [IbmQrunVariables.AppIdClientId] = SiteArguments.ClientId,
                [IbmQrunVariables.AppIdSecret] = SiteArguments.ClientSecret,
                [IbmQrunVariables.DaapiEndpoint] = SiteArguments.DaEndpoint,
                [IbmQrunVariables.AwsAccessKeyId] = SiteArguments.AccessKeyId,
                [IbmQrunVariables.AwsSecretAccessKey] = SiteArguments.SecretAccessKey,
                [IbmQrunVariables.S3Endpoint] = SiteArguments.S3Endpoint,
                [IbmQrunVariables.S3Bucket] = SiteArguments.Bucket,
                [IbmQrunVariables.S3Region] = SiteArguments.Region,
            },
            host.Environment);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public void Run_BackendWithoutPrimitive_SetsNoPrimitiveVariable()
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Success, TaskInitCallback.Run(host, SiteArguments.Valid(), "fake_brisbane", null, SecretsFileSnapshot.None));

        Assert.DoesNotContain(IbmQrunVariables.Primitive, host.Environment.Keys);
        Assert.Equal("fake_brisbane", host.Environment[IbmQrunVariables.Backend]);
    }

    [Fact]
    public void Run_TracesLikeTheSeedWithEverySecretMasked()
    {
        var host = new RecordingSpankHost();

        TaskInitCallback.Run(host, SiteArguments.Valid(), "fake_brisbane", "sampler", SecretsFileSnapshot.None);

        var text = host.AllText;
        Assert.StartsWith("-> slurm_spank_task_init argc=8 remote=1", text);
        Assert.EndsWith("<- slurm_spank_task_init rc=0", text);
        Assert.Contains("argv[1] = [********]", text);
        Assert.Contains($"argv[2] = [{SiteArguments.DaEndpoint}]", text);
        Assert.Contains("S_JOB_UID [1000]", text);
        Assert.Contains("S_JOB_ID [42]", text);
        Assert.Contains("setenv IBMQRUN_APPID_SECRET=********", text);
        Assert.Contains("setenv IBMQRUN_AWS_ACCESS_KEY_ID=********", text);
        Assert.Contains($"setenv IBMQRUN_S3_BUCKET={SiteArguments.Bucket}", text);
        foreach (var secret in SiteArguments.Secrets)
            Assert.DoesNotContain(secret, text);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(9)]
    public void Run_WrongArgumentCount_FailsWithOneUserLineAndSetsNothing(int count)
    {
        var arguments = SiteArguments.Valid().Concat(SiteArguments.Valid()).Take(count).ToArray();
        var host = new RecordingSpankHost();

        var rc = TaskInitCallback.Run(host, arguments, "fake_brisbane", "sampler", SecretsFileSnapshot.None);

        Assert.Equal(SpankResult.Failure, rc);
        Assert.Empty(host.Environment);
        var error = Assert.Single(host.Errors);
        Assert.StartsWith("the site configuration is broken: ", error);
        Assert.EndsWith("; ask your administrator", error);
        Assert.Contains(host.Lines, l => l.Level == PluginLogLevel.Info && l.Message.StartsWith("site configuration: ", StringComparison.Ordinal));
        foreach (var secret in SiteArguments.Secrets)
            Assert.DoesNotContain(secret, host.AllText);
    }

    [Fact]
    public void Run_SeveralConfigurationProblems_CountsTheOthersInTheUserLine()
    {
        var arguments = SiteArguments.Valid();
        arguments[2] = "nope";
        arguments[5] = "nope";
        var host = new RecordingSpankHost();

        TaskInitCallback.Run(host, arguments, "fake_brisbane", "sampler", SecretsFileSnapshot.None);

        Assert.Contains("(and 1 more problem(s), listed in the node's slurmd log)", Assert.Single(host.Errors));
    }

    [Fact]
    public void Run_InvalidValueArrivingUnchecked_FailsAndSetsNothing()
    {
        var host = new RecordingSpankHost();

        var rc = TaskInitCallback.Run(host, SiteArguments.Valid(), "bad/name", "sampler", SecretsFileSnapshot.None);

        Assert.Equal(SpankResult.Failure, rc);
        Assert.Empty(host.Environment);
        Assert.Contains("--q-backend='bad/name'", Assert.Single(host.Errors));
    }

    [Fact]
    public void Run_SetEnvironmentFails_FailsNamingTheVariable()
    {
        var host = new RecordingSpankHost { FailSetEnvironmentFor = IbmQrunVariables.S3Bucket };

        var rc = TaskInitCallback.Run(host, SiteArguments.Valid(), "fake_brisbane", "sampler", SecretsFileSnapshot.None);

        Assert.Equal(SpankResult.Failure, rc);
        Assert.Equal($"could not set {IbmQrunVariables.S3Bucket} in the task environment", Assert.Single(host.Errors));
    }

    [Fact]
    public void Run_JobItemsUnavailable_StillSetsTheEnvironment()
    {
        var host = new RecordingSpankHost();
        host.Items.Clear();

        Assert.Equal(SpankResult.Success, TaskInitCallback.Run(host, SiteArguments.Valid(), "fake_brisbane", "sampler", SecretsFileSnapshot.None));
        Assert.DoesNotContain("S_JOB_ID", host.AllText);
    }

    [Fact]
    public void Run_PrimitiveOnlyInAStepOfAJobWithABackend_UsesTheInheritedBackend()
    {
        var host = new RecordingSpankHost();
        host.Inherited[IbmQrunVariables.Backend] = "fake_cairo";

        var rc = TaskInitCallback.Run(host, SiteArguments.Valid(), null, "ESTIMATOR", SecretsFileSnapshot.None);

        Assert.Equal(SpankResult.Success, rc);
        Assert.Equal("fake_cairo", host.Environment[IbmQrunVariables.Backend]);
        Assert.Equal("estimator", host.Environment[IbmQrunVariables.Primitive]);
    }

    [Fact]
    public void Run_PrimitiveOnlyWithNoBackendAnywhere_FailsAndSetsNothing()
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Failure, TaskInitCallback.Run(host, SiteArguments.Valid(), null, "sampler", SecretsFileSnapshot.None));
        Assert.Empty(host.Environment);
        Assert.Contains("also needs --q-backend=NAME", Assert.Single(host.Errors));
    }
}
