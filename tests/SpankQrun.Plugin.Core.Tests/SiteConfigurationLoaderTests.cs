using SpankQrun.Plugin.Core.Configuration;

namespace SpankQrun.Plugin.Core.Tests;

public sealed class SiteConfigurationLoaderTests
{
    private const string P = Snapshots.Path;

    [Fact]
    public void Load_SeedLine_IsReadyWithTheEightValuesInOrder()
    {
        var result = SiteConfigurationLoader.Load(SiteArguments.Valid(), SecretsFileSnapshot.None, "fake_brisbane");

        Assert.Empty(result.Problems);
        Assert.Null(result.NotOfferedMessage);
        Assert.Equal(SiteArguments.Valid(), result.Settings?.Values.Select(v => v.Value));
    }

    [Fact]
    public void Load_KeyedLineAndSecretsFile_TakesEachValueFromWhereItIsWritten()
    {
        var result = SiteConfigurationLoader.Load(KeyedSite.Line(), KeyedSite.File(), KeyedSite.Fez);

        var values = result.Settings!.Values.ToDictionary(v => v.Key, v => v.Value);
        Assert.Equal(KeyedSite.FezBucket, values[SiteSettings.S3Bucket]);
        Assert.Equal(KeyedSite.FezSecretAccessKey, values[SiteSettings.AwsSecretAccessKey]);
        Assert.Equal(KeyedSite.DaEndpoint, values[SiteSettings.DaapiEndpoint]);
    }

    [Fact]
    public void Load_BackendNotInTheList_IsNotOfferedWithTheList()
    {
        var result = SiteConfigurationLoader.Load(KeyedSite.Line(), KeyedSite.File(), "ibm_x");

        Assert.Equal("unknown backend 'ibm_x'; available: ibm_torino, ibm_fez", result.NotOfferedMessage);
        Assert.Null(result.Settings);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Load_BrokenLine_IsBrokenEvenForABackendItDoesNotList()
    {
        var result = SiteConfigurationLoader.Load(["backends=ibm_torino", "apikey=x"], SecretsFileSnapshot.None, "ibm_x");

        Assert.Null(result.NotOfferedMessage);
        Assert.StartsWith("plugstack.conf argument 2 (apikey=...): unknown key 'apikey'", Assert.Single(result.Problems));
    }

    [Fact]
    public void Load_NoBackendList_ServesAnyBackend() =>
        Assert.NotNull(SiteConfigurationLoader.Load(KeyedSite.IamOnlyLine(), SecretsFileSnapshot.None, "anything-at-all").Settings);

    [Fact]
    public void Load_SecretsFileWithAProblem_IsBrokenWithThatProblemOnly()
    {
        var file = Snapshots.Read(KeyedSite.FileText + "oops\n");

        var result = SiteConfigurationLoader.Load(KeyedSite.Line(), file, KeyedSite.Torino);

        Assert.Equal([$"{P} line 15 is not key=value, [backend], a # comment or blank (its text is not shown)"], result.Problems);
    }

    [Fact]
    public void Load_SettingOnTheLineAndInTheFile_IsBrokenNamingBoth()
    {
        var file = Snapshots.Read("s3_region=eu-de\n" + KeyedSite.FileText);

        var result = SiteConfigurationLoader.Load(KeyedSite.Line(), file, KeyedSite.Torino);

        Assert.Equal($"{P} line 1 (s3_region) repeats plugstack.conf argument 6 (s3_region=...); keep one of them", Assert.Single(result.Problems));
    }

    [Fact]
    public void Load_FileSectionForAnUnlistedBackend_IsBroken()
    {
        var file = Snapshots.Read(KeyedSite.FileText + "[ibm_gone]\ns3_bucket=b\n");

        var result = SiteConfigurationLoader.Load(KeyedSite.Line(), file, KeyedSite.Torino);

        Assert.Equal($"{P} line 16 (s3_bucket) is for backend 'ibm_gone', which backends= does not list (ibm_torino, ibm_fez)", Assert.Single(result.Problems));
    }

    [Fact]
    public void Load_IncompleteBackend_IsBrokenNamingTheBackend()
    {
        var line = KeyedSite.Line().Where(w => !w.StartsWith("s3_region=", StringComparison.Ordinal)).ToArray();

        var result = SiteConfigurationLoader.Load(line, KeyedSite.File(), KeyedSite.Torino);

        Assert.StartsWith("no s3_region for backend 'ibm_torino'", Assert.Single(result.Problems));
    }

    [Fact]
    public void Load_SnapshotOfAnotherPath_SaysTheNamedFileWasNotRead()
    {
        var result = SiteConfigurationLoader.Load(KeyedSite.Line(), Snapshots.Read(KeyedSite.FileText, "/tmp/other.conf"), KeyedSite.Torino);

        Assert.Equal([$"the secrets file {P} was not read by slurmstepd"], result.Problems);
    }

    [Fact]
    public void Load_SnapshotButNoSecretsKey_IgnoresTheFile()
    {
        var result = SiteConfigurationLoader.Load(["s3_region=us-east-1"], KeyedSite.File(), "ibm_torino");

        Assert.DoesNotContain(result.Problems, p => p.Contains(P, StringComparison.Ordinal));
        Assert.Contains("no credentials for backend 'ibm_torino': set iam_apikey, service_crn and iam_endpoint (IAM), or appid_client_id and appid_secret (App ID)", result.Problems);
    }

    public static TheoryData<SecretsFileSnapshot, string> RefusedFiles() => new()
    {
        { Snapshots.Refused(SecretsFileStatus.SymbolicLink), $"the secrets file {P} is a symbolic link; name the file itself (a regular file owned by root, mode 0600 or 0400)" },
        { Snapshots.Refused(SecretsFileStatus.NotRegularFile), $"the secrets file {P} is not a regular file" },
        { Snapshots.Refused(SecretsFileStatus.NotOwnedByRoot, ownerUid: 1000), $"the secrets file {P} is owned by uid 1000, not root; refusing it (chown root:root {P})" },
        { Snapshots.Refused(SecretsFileStatus.AccessibleByOthers, mode: 0x81A4), $"the secrets file {P} has mode 0644: it is readable or writable by group or others; refusing it (chmod 0600 {P})" },
        { Snapshots.Refused(SecretsFileStatus.AccessibleByOthers, mode: 0x1A0), $"the secrets file {P} has mode 0640: it is readable or writable by group or others; refusing it (chmod 0600 {P})" },
        { Snapshots.Refused(SecretsFileStatus.AccessibleByOthers, mode: 0x0C), $"the secrets file {P} has mode 0014: it is readable or writable by group or others; refusing it (chmod 0600 {P})" },
        { Snapshots.Refused(SecretsFileStatus.TooLarge), $"the secrets file {P} is larger than 65536 bytes" },
        { Snapshots.Refused(SecretsFileStatus.OpenFailed, errorText: "No such file or directory"), $"the secrets file {P} cannot be read: No such file or directory" },
        { Snapshots.Refused(SecretsFileStatus.ReadFailed, errorText: "Input/output error"), $"the secrets file {P} cannot be read: Input/output error" },
        { Snapshots.Refused(SecretsFileStatus.NotRead), $"the secrets file {P} was not read by slurmstepd" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public void Load_SecretsFileRefusedByRoot_IsBrokenWithTheExactReason(SecretsFileSnapshot snapshot, string expected)
    {
        var result = SiteConfigurationLoader.Load(KeyedSite.Line(), snapshot, KeyedSite.Torino);

        Assert.Equal([expected], result.Problems);
        Assert.Null(result.Settings);
    }
}
