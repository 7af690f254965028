using SpankQrun.Plugin.Core.Configuration;

namespace SpankQrun.Plugin.Core.Tests;

/// <summary>The seed's eight positional arguments keep their meaning, checks and messages.</summary>
public sealed class PlugstackParserPositionalTests
{
    [Fact]
    public void Parse_EightValidArguments_MapsEachToItsSettingInTheSeedsOrder()
    {
        var configuration = PlugstackParser.Parse(SiteArguments.Valid(), out var problems);

        Assert.Empty(problems);
        Assert.NotNull(configuration);
        Assert.Equal(
            ["APPID_CLIENT_ID", "APPID_SECRET", "DAAPI_ENDPOINT", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "S3_ENDPOINT", "S3_BUCKET", "S3_REGION"],
            configuration.Entries.Select(e => e.Setting.Name));
        Assert.Equal(SiteArguments.Valid(), configuration.Entries.Select(e => e.Value));
    }

    [Fact]
    public void Parse_EightValidArguments_AreDefaultsWithNoBackendListAndNoSecretsFile()
    {
        var configuration = PlugstackParser.Parse(SiteArguments.Valid(), out _);

        Assert.NotNull(configuration);
        Assert.Null(configuration.Backends);
        Assert.Null(configuration.SecretsPath);
        Assert.All(configuration.Entries, e => Assert.Null(e.Backend));
    }

    [Fact]
    public void Parse_SeedSecretEndingInEquals_StaysPositional()
    {
        Assert.Contains('=', SiteArguments.SecretAccessKey);

        var configuration = PlugstackParser.Parse(SiteArguments.Valid(), out _);

        Assert.Equal(SiteArguments.SecretAccessKey, configuration?.Entries[4].Value);
    }

    [Fact]
    public void Parse_NoArguments_SaysNoneWereGivenAndListsBothForms()
    {
        Assert.Null(PlugstackParser.Parse([], out var problems));

        var problem = Assert.Single(problems);
        Assert.Equal(
            "the plugstack.conf line for spank_ibm_qrun has no arguments; give key=value settings or the seed's 8 positional arguments "
            + "(APPID_CLIENT_ID APPID_SECRET DAAPI_ENDPOINT AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY S3_ENDPOINT S3_BUCKET S3_REGION)",
            problem);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(9)]
    [InlineData(16)]
    public void Parse_WrongArgumentCount_SaysHowManyWereFoundAndExpected(int count)
    {
        var arguments = Enumerable.Range(0, count).Select(i => $"value{i}").ToArray();

        Assert.Null(PlugstackParser.Parse(arguments, out var problems));

        var problem = Assert.Single(problems);
        Assert.Contains($"has {count} argument(s); expected 8: APPID_CLIENT_ID APPID_SECRET", problem);
    }

    [Theory]
    [InlineData(2, "DAAPI_ENDPOINT", "localhost:8290")]
    [InlineData(2, "DAAPI_ENDPOINT", "ftp://host/")]
    [InlineData(5, "S3_ENDPOINT", "http://")]
    [InlineData(5, "S3_ENDPOINT", "not a url")]
    public void Parse_EndpointThatIsNotAnHttpUrl_NamesThePositionAndSetting(int index, string name, string bad)
    {
        var arguments = SiteArguments.Valid();
        arguments[index] = bad;

        Assert.Null(PlugstackParser.Parse(arguments, out var problems));

        Assert.Equal($"argument {index + 1} ({name}) is not an http:// or https:// URL", Assert.Single(problems));
    }

    [Fact]
    public void Parse_EmptyArguments_ReportsEveryOne()
    {
        var arguments = SiteArguments.Valid();
        arguments[1] = "";
        arguments[6] = " ";

        Assert.Null(PlugstackParser.Parse(arguments, out var problems));

        Assert.Equal(["argument 2 (APPID_SECRET) is empty", "argument 7 (S3_BUCKET) is empty"], problems);
    }

    [Fact]
    public void Parse_ControlCharacterInAValue_NamesThePosition()
    {
        var arguments = SiteArguments.Valid();
        arguments[7] = "us-east\n-1";

        Assert.Null(PlugstackParser.Parse(arguments, out var problems));

        Assert.Equal("argument 8 (S3_REGION) contains a control character", Assert.Single(problems));
    }

    [Fact]
    public void Parse_EndpointWithUserNameAndPassword_IsRefusedWithoutShowingThem()
    {
        var arguments = SiteArguments.Valid();
        arguments[5] = "http://admin:pa55word@127.0.0.1:9000";

        Assert.Null(PlugstackParser.Parse(arguments, out var problems));

        Assert.Equal(
            "argument 6 (S3_ENDPOINT) contains a user name or password; give credentials in their own settings",
            Assert.Single(problems));
    }

    [Fact]
    public void Parse_SecretShiftedIntoAnEndpointPosition_IsNotQuotedInTheProblem()
    {
        string[] arguments = [SiteArguments.ClientSecret, "x", SiteArguments.SecretAccessKey, "y", "z", SiteArguments.ClientId, "v", "u"];

        Assert.Null(PlugstackParser.Parse(arguments, out var problems));

        Assert.NotEmpty(problems);
        foreach (var secret in SiteArguments.Secrets)
            Assert.DoesNotContain(secret, string.Join('\n', problems));
    }
}
