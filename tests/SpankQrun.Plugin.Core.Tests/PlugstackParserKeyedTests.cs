using SpankQrun.Plugin.Core.Configuration;

namespace SpankQrun.Plugin.Core.Tests;

/// <summary>The key=value form of the plugstack.conf line, and lines that mix both forms.</summary>
public sealed class PlugstackParserKeyedTests
{
    [Fact]
    public void Parse_KeyedSettings_GivesDefaultEntriesWithTheirOrigin()
    {
        var configuration = PlugstackParser.Parse(["s3_bucket=b", "iam_apikey=k"], out var problems);

        Assert.Empty(problems);
        Assert.NotNull(configuration);
        Assert.Equal(
            [
                new SettingEntry(null, SiteSettings.S3Bucket, "b", "plugstack.conf argument 1 (s3_bucket=...)"),
                new SettingEntry(null, SiteSettings.IamApiKey, "k", "plugstack.conf argument 2 (iam_apikey=...)"),
            ],
            configuration.Entries);
    }

    [Fact]
    public void Parse_EveryOneOfTheElevenKeys_IsAccepted()
    {
        var words = SiteSettings.All.Select(s => $"{s.Key}={(s.IsUrl ? "https://h.example" : "v")}").ToArray();

        var configuration = PlugstackParser.Parse(words, out var problems);

        Assert.Empty(problems);
        Assert.Equal(SiteSettings.All, configuration?.Entries.Select(e => e.Setting));
    }

    [Fact]
    public void Parse_BackendsList_GivesTheNamesInOrder()
    {
        var configuration = PlugstackParser.Parse(["backends=ibm_torino,ibm_fez,fake-x.2"], out _);

        Assert.Equal(["ibm_torino", "ibm_fez", "fake-x.2"], configuration?.Backends);
    }

    [Fact]
    public void Parse_NoBackendsKey_HasNoBackendList()
    {
        var configuration = PlugstackParser.Parse(["s3_bucket=b"], out _);

        Assert.NotNull(configuration);
        Assert.Null(configuration.Backends);
    }

    [Fact]
    public void Parse_SecretsKey_GivesTheAbsolutePath()
    {
        var configuration = PlugstackParser.Parse([$"secrets={Snapshots.Path}"], out _);

        Assert.Equal(Snapshots.Path, configuration?.SecretsPath);
        Assert.Empty(configuration!.Entries);
    }

    [Fact]
    public void Parse_BackendScopedSetting_GivesAnEntryForThatBackend()
    {
        var configuration = PlugstackParser.Parse(["backends=ibm_fez", "ibm_fez.s3_bucket=fez-bucket"], out _);

        var entry = Assert.Single(configuration!.Entries);
        Assert.Equal(new SettingEntry("ibm_fez", SiteSettings.S3Bucket, "fez-bucket", "plugstack.conf argument 2 (ibm_fez.s3_bucket=...)"), entry);
    }

    [Fact]
    public void Parse_ValueContainingEquals_KeepsEverythingAfterTheFirstEquals()
    {
        var configuration = PlugstackParser.Parse(["appid_secret=a=b=="], out _);

        Assert.Equal("a=b==", Assert.Single(configuration!.Entries).Value);
    }

    [Fact]
    public void Parse_IncompleteKeyedLine_IsAcceptedBecauseCompletenessIsCheckedPerBackend()
    {
        Assert.NotNull(PlugstackParser.Parse(["s3_region=us-east-1"], out var problems));
        Assert.Empty(problems);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOne()
    {
        Assert.Null(PlugstackParser.Parse(["apikey=x", "s3_bucket=", "secrets=relative"], out var problems));

        Assert.Equal(3, problems.Count);
        Assert.StartsWith("plugstack.conf argument 1 (apikey=...): unknown key 'apikey'", problems[0]);
        Assert.Equal("plugstack.conf argument 2 (s3_bucket=...) is empty", problems[1]);
        Assert.Equal("plugstack.conf argument 3 (secrets=...): 'relative' is not an absolute path without control characters", problems[2]);
    }

    [Fact]
    public void Parse_UnknownKey_ListsTheKnownKeys()
    {
        Assert.Null(PlugstackParser.Parse(["apikey=x"], out var problems));

        Assert.Equal(
            "plugstack.conf argument 1 (apikey=...): unknown key 'apikey'; known keys: appid_client_id, appid_secret, daapi_endpoint, "
            + "aws_access_key_id, aws_secret_access_key, s3_endpoint, s3_bucket, s3_region, iam_apikey, service_crn, iam_endpoint, backends, secrets, gateway",
            Assert.Single(problems));
    }

    [Fact]
    public void Parse_MixedForms_NamesThePositionalWordByPositionOnly()
    {
        Assert.Null(PlugstackParser.Parse(["s3_bucket=b", "positional-value-7Hq"], out var problems));

        Assert.Equal(
            "plugstack.conf argument 2 is not key=value (keys are lower case) but argument 1 (s3_bucket=...) is; write every argument "
            + "as key=value, or give only the seed's 8 positional arguments (APPID_CLIENT_ID APPID_SECRET DAAPI_ENDPOINT AWS_ACCESS_KEY_ID "
            + "AWS_SECRET_ACCESS_KEY S3_ENDPOINT S3_BUCKET S3_REGION)",
            Assert.Single(problems));
    }

    [Fact]
    public void Parse_SeedLineWithOneKeyedWord_IsAMixedLineNotEightPositionalValues()
    {
        var arguments = SiteArguments.Valid();
        arguments[6] = "s3_bucket=qrun-bucket";

        Assert.Null(PlugstackParser.Parse(arguments, out var problems));

        Assert.StartsWith("plugstack.conf argument 1 is not key=value (keys are lower case) but argument 7 (s3_bucket=...) is", Assert.Single(problems));
    }

    [Fact]
    public void Parse_UpperCaseKey_IsTakenAsPositionalAndReportedAsMixed()
    {
        Assert.Null(PlugstackParser.Parse(["s3_region=r", "S3_BUCKET=b"], out var problems));

        Assert.StartsWith("plugstack.conf argument 2 is not key=value (keys are lower case) but argument 1 (s3_region=...) is", Assert.Single(problems));
    }
}
