using SpankQrun.Plugin.Core.Callbacks;
using SpankQrun.Plugin.Core.Configuration;
using SpankQrun.Plugin.Core.Tests.Fakes;
using SpankQrun.Variables;

namespace SpankQrun.Plugin.Core.Tests;

/// <summary>task_init with the keyed form, a secrets file, several backends, and how failures are reported.</summary>
public sealed class TaskInitCallbackSiteTests
{
    [Fact]
    public void Run_IamBackendOfATwoBackendSite_GetsExactlyItsOwnValues()
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Success, TaskInitCallback.Run(host, KeyedSite.Line(), KeyedSite.Torino, "sampler", KeyedSite.File()));

        Assert.Equal(
            new Dictionary<string, string>
            {
                [IbmQrunVariables.Backend] = KeyedSite.Torino,
                [IbmQrunVariables.Primitive] = "sampler",
                [IbmQrunVariables.DaapiEndpoint] = KeyedSite.DaEndpoint,
                [IbmQrunVariables.AwsAccessKeyId] = KeyedSite.SharedAccessKeyId,
                [IbmQrunVariables.AwsSecretAccessKey] = KeyedSite.SharedSecretAccessKey,
                [IbmQrunVariables.S3Endpoint] = KeyedSite.S3Endpoint,
                [IbmQrunVariables.S3Bucket] = KeyedSite.Bucket,
                [IbmQrunVariables.S3Region] = KeyedSite.Region,
                [IbmQrunVariables.IamApiKey] = KeyedSite.TorinoApiKey,
                [IbmQrunVariables.ServiceCrn] = KeyedSite.TorinoCrn,
                [IbmQrunVariables.IamEndpoint] = KeyedSite.IamEndpoint,
            },
            host.Environment);
    }

    [Fact]
    public void Run_AppIdBackendOfATwoBackendSite_GetsExactlyItsOwnValues()
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Success, TaskInitCallback.Run(host, KeyedSite.Line(), KeyedSite.Fez, null, KeyedSite.File()));

        Assert.Equal(
            new Dictionary<string, string>
            {
                [IbmQrunVariables.Backend] = KeyedSite.Fez,
                [IbmQrunVariables.AppIdClientId] = KeyedSite.FezClientId,
                [IbmQrunVariables.AppIdSecret] = KeyedSite.FezClientSecret,
                [IbmQrunVariables.DaapiEndpoint] = KeyedSite.DaEndpoint,
                [IbmQrunVariables.AwsAccessKeyId] = KeyedSite.FezAccessKeyId,
                [IbmQrunVariables.AwsSecretAccessKey] = KeyedSite.FezSecretAccessKey,
                [IbmQrunVariables.S3Endpoint] = KeyedSite.S3Endpoint,
                [IbmQrunVariables.S3Bucket] = KeyedSite.FezBucket,
                [IbmQrunVariables.S3Region] = KeyedSite.Region,
            },
            host.Environment);
    }

    [Fact]
    public void Run_IamKeysOnTheLine_SetTheThreeIamVariables()
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Success, TaskInitCallback.Run(host, KeyedSite.IamOnlyLine(), "ibm_kingston", null, SecretsFileSnapshot.None));

        Assert.Equal(KeyedSite.TorinoApiKey, host.Environment[IbmQrunVariables.IamApiKey]);
        Assert.Equal(KeyedSite.TorinoCrn, host.Environment[IbmQrunVariables.ServiceCrn]);
        Assert.Equal(KeyedSite.IamEndpoint, host.Environment[IbmQrunVariables.IamEndpoint]);
    }

    [Fact]
    public void Run_InheritedSettingTheBackendDoesNotConfigure_IsRemoved()
    {
        var host = new RecordingSpankHost();
        host.Inherited[IbmQrunVariables.AppIdSecret] = "other-backends-secret";
        host.Inherited[IbmQrunVariables.S3Bucket] = "other-bucket";

        TaskInitCallback.Run(host, KeyedSite.Line(), KeyedSite.Torino, null, KeyedSite.File());

        Assert.Equal([IbmQrunVariables.AppIdSecret], host.Removed);
        Assert.DoesNotContain(IbmQrunVariables.AppIdSecret, host.TaskEnvironment.Keys);
        Assert.Equal(KeyedSite.Bucket, host.TaskEnvironment[IbmQrunVariables.S3Bucket]);
        Assert.Contains("unsetenv IBMQRUN_APPID_SECRET (not configured for this backend)", host.AllText);
    }

    [Fact]
    public void Run_SeedLineWithInheritedIamVariables_RemovesThem()
    {
        var host = new RecordingSpankHost();
        host.Inherited[IbmQrunVariables.IamApiKey] = "another-sites-key";
        host.Inherited[IbmQrunVariables.IamEndpoint] = "https://iam.other.example";

        Assert.Equal(SpankResult.Success, TaskInitCallback.Run(host, SiteArguments.Valid(), "fake_brisbane", null, SecretsFileSnapshot.None));

        Assert.Equal([IbmQrunVariables.IamApiKey, IbmQrunVariables.IamEndpoint], host.Removed);
    }

    [Fact]
    public void Run_UnrelatedInheritedVariable_IsKept()
    {
        var host = new RecordingSpankHost();
        host.Inherited["IBMQRUN_SOMETHING_ELSE"] = "x";

        TaskInitCallback.Run(host, KeyedSite.Line(), KeyedSite.Torino, null, KeyedSite.File());

        Assert.Empty(host.Removed);
    }

    [Fact]
    public void Run_RemovalFails_FailsNamingTheVariableAndSetsNothing()
    {
        var host = new RecordingSpankHost { FailUnsetEnvironmentFor = IbmQrunVariables.IamApiKey };
        host.Inherited[IbmQrunVariables.IamApiKey] = "inherited";

        Assert.Equal(SpankResult.Failure, TaskInitCallback.Run(host, KeyedSite.Line(), KeyedSite.Fez, null, KeyedSite.File()));

        Assert.Equal("could not remove IBMQRUN_IAM_APIKEY from the task environment", Assert.Single(host.Errors));
        Assert.Empty(host.Environment);
    }

    [Fact]
    public void Run_BackendNotOffered_FailsWithTheUsersMistakeOnly()
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Failure, TaskInitCallback.Run(host, KeyedSite.Line(), "ibm_x", "sampler", KeyedSite.File()));

        Assert.Equal("unknown backend 'ibm_x'; available: ibm_torino, ibm_fez", Assert.Single(host.Errors));
        Assert.DoesNotContain("ask your administrator", host.AllText);
        Assert.Empty(host.Environment);
    }

    [Fact]
    public void Run_BrokenConfigurationOnTheFirstTask_LogsEachProblemAtInfoAndOneErrorLine()
    {
        var host = new RecordingSpankHost();

        TaskInitCallback.Run(host, ["apikey=x", "s3_bucket="], "ibm_x", null, SecretsFileSnapshot.None);

        Assert.Equal(
            ["site configuration: plugstack.conf argument 1 (apikey=...): unknown key 'apikey'", "site configuration: plugstack.conf argument 2 (s3_bucket=...) is empty"],
            host.Infos.Select(i => i.Split(';')[0]));
        Assert.Equal(
            "the site configuration is broken: plugstack.conf argument 1 (apikey=...): unknown key 'apikey'; known keys: "
            + $"{SettingKeys.KnownKeys} (and 1 more problem(s), listed in the node's slurmd log); ask your administrator",
            Assert.Single(host.Errors));
    }

    [Fact]
    public void Run_BrokenConfigurationOnALaterTask_LogsNothingAtErrorOrInfo()
    {
        var host = new RecordingSpankHost { LocalTaskId = 1 };

        Assert.Equal(SpankResult.Failure, TaskInitCallback.Run(host, ["apikey=x"], "ibm_torino", null, SecretsFileSnapshot.None));

        Assert.Empty(host.Errors);
        Assert.Empty(host.Infos);
        Assert.Contains(host.Lines, l => l is (PluginLogLevel.Debug, "this task cannot get its IBMQRUN_* environment; the step's first task reported why"));
        Assert.Empty(host.Environment);
    }

    [Fact]
    public void Run_BackendNotOfferedOnALaterTask_LogsNothingAtError()
    {
        var host = new RecordingSpankHost { LocalTaskId = 3 };

        Assert.Equal(SpankResult.Failure, TaskInitCallback.Run(host, KeyedSite.Line(), "ibm_x", null, KeyedSite.File()));

        Assert.Empty(host.Errors);
    }

    [Fact]
    public void Run_BrokenConfigurationWithoutTheTaskIdItem_StillReports()
    {
        var host = new RecordingSpankHost();
        host.Items.Remove(SpankItem.LocalTaskId);

        TaskInitCallback.Run(host, ["apikey=x"], "ibm_torino", null, SecretsFileSnapshot.None);

        Assert.Single(host.Errors);
    }

    [Fact]
    public void Run_SecretsFileRefusedByRoot_ReportsTheReasonToTheAdministrator()
    {
        var host = new RecordingSpankHost();

        TaskInitCallback.Run(host, KeyedSite.Line(), KeyedSite.Torino, null, Snapshots.Refused(SecretsFileStatus.AccessibleByOthers, mode: 0x81A4));

        var expected = $"the secrets file {Snapshots.Path} has mode 0644: it is readable or writable by group or others; refusing it (chmod 0600 {Snapshots.Path})";
        Assert.Contains($"site configuration: {expected}", host.Infos);
        Assert.Equal($"the site configuration is broken: {expected}; ask your administrator", Assert.Single(host.Errors));
    }

    [Fact]
    public void Run_KeyedLine_TracesArgumentsWithSecretKeysMasked()
    {
        var host = new RecordingSpankHost();

        TaskInitCallback.Run(host, KeyedSite.IamOnlyLine(), "ibm_kingston", null, SecretsFileSnapshot.None);

        Assert.Contains("argv[1] = [aws_access_key_id=********]", host.AllText);
        Assert.Contains("argv[6] = [iam_apikey=********]", host.AllText);
        Assert.Contains($"argv[4] = [s3_bucket={KeyedSite.Bucket}]", host.AllText);
    }

    [Fact]
    public void Run_KeyedSiteWithSecretsFile_TracesSetenvWithSecretsMasked()
    {
        var host = new RecordingSpankHost();

        TaskInitCallback.Run(host, KeyedSite.Line(), KeyedSite.Fez, null, KeyedSite.File());

        Assert.Contains("setenv IBMQRUN_APPID_CLIENT_ID=********", host.AllText);
        Assert.Contains("setenv IBMQRUN_APPID_SECRET=********", host.AllText);
        Assert.Contains("setenv IBMQRUN_AWS_SECRET_ACCESS_KEY=********", host.AllText);
        Assert.Contains($"setenv IBMQRUN_S3_BUCKET={KeyedSite.FezBucket}", host.AllText);
    }

    [Theory]
    [InlineData(KeyedSite.Torino)]
    [InlineData(KeyedSite.Fez)]
    public void Run_KeyedSiteWithSecretsFile_LogsNoSecretValue(string backend)
    {
        var host = new RecordingSpankHost();

        TaskInitCallback.Run(host, KeyedSite.Line(), backend, "sampler", KeyedSite.File());

        Assert.All(KeyedSite.Secrets, secret => Assert.DoesNotContain(secret, host.AllText));
    }

    [Fact]
    public void Run_SecretsFileRead_TracesItsPathAndSize()
    {
        var host = new RecordingSpankHost();
        var file = KeyedSite.File();

        TaskInitCallback.Run(host, KeyedSite.Line(), KeyedSite.Torino, null, file);

        Assert.Contains($"read the secrets file {Snapshots.Path} ({file.Content.Length} bytes) as root", host.AllText);
    }
}
