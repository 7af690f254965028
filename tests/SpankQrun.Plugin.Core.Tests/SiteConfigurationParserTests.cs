namespace SpankQrun.Plugin.Core.Tests;

public sealed class SiteConfigurationParserTests
{
    [Fact]
    public void Parse_EightValidArguments_MapsEachToItsSettingInTheSeedsOrder()
    {
        var configuration = SiteConfigurationParser.Parse(SiteArguments.Valid(), out var problems);

        Assert.Empty(problems);
        Assert.NotNull(configuration);
        Assert.Equal(
            ["APPID_CLIENT_ID", "APPID_SECRET", "DAAPI_ENDPOINT", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "S3_ENDPOINT", "S3_BUCKET", "S3_REGION"],
            configuration.Values.Select(v => v.Key.Name));
        Assert.Equal(SiteArguments.Valid(), configuration.Values.Select(v => v.Value));
    }

    [Fact]
    public void Parse_NoArguments_SaysNoneWereGivenAndListsTheExpectedOnes()
    {
        Assert.Null(SiteConfigurationParser.Parse([], out var problems));

        var problem = Assert.Single(problems);
        Assert.Contains("has no arguments; expected 8: APPID_CLIENT_ID APPID_SECRET DAAPI_ENDPOINT", problem);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(9)]
    [InlineData(16)]
    public void Parse_WrongArgumentCount_SaysHowManyWereFoundAndExpected(int count)
    {
        var arguments = Enumerable.Range(0, count).Select(i => $"value{i}").ToArray();

        Assert.Null(SiteConfigurationParser.Parse(arguments, out var problems));

        var problem = Assert.Single(problems);
        Assert.Contains($"has {count} argument(s); expected 8", problem);
    }

    [Theory]
    [InlineData(2, "DAAPI_ENDPOINT")]
    [InlineData(5, "S3_ENDPOINT")]
    public void Parse_EndpointThatIsNotAnHttpUrl_NamesThePositionAndSetting(int index, string name)
    {
        foreach (var bad in new[] { "localhost:8290", "ftp://host/", "http://", "not a url" })
        {
            var arguments = SiteArguments.Valid();
            arguments[index] = bad;

            Assert.Null(SiteConfigurationParser.Parse(arguments, out var problems));

            var problem = Assert.Single(problems);
            Assert.Equal($"argument {index + 1} ({name}) is not an http:// or https:// URL", problem);
        }
    }

    [Fact]
    public void Parse_EmptyArguments_ReportsEveryOne()
    {
        var arguments = SiteArguments.Valid();
        arguments[1] = "";
        arguments[6] = " ";

        Assert.Null(SiteConfigurationParser.Parse(arguments, out var problems));

        Assert.Equal(["argument 2 (APPID_SECRET) is empty", "argument 7 (S3_BUCKET) is empty"], problems);
    }

    [Fact]
    public void Parse_SecretShiftedIntoAnEndpointPosition_IsNotQuotedInTheProblem()
    {
        // An administrator who forgot the client id shifts the secret into the endpoint's place.
        string[] arguments = [SiteArguments.ClientSecret, SiteArguments.SecretAccessKey, "x", "y", "z", "w", "v", "u"];
        arguments[2] = SiteArguments.SecretAccessKey;

        Assert.Null(SiteConfigurationParser.Parse(arguments, out var problems));

        Assert.NotEmpty(problems);
        foreach (var secret in SiteArguments.Secrets)
            Assert.DoesNotContain(secret, string.Join('\n', problems));
    }

    [Fact]
    public void IsShownInClear_OnlyNonSecretPositionsOfACompleteLine()
    {
        var valid = SiteArguments.Valid();
        Assert.Equal(
            [false, false, true, false, false, true, true, true],
            Enumerable.Range(0, 8).Select(i => SiteConfigurationParser.IsShownInClear(valid, i)));

        var shifted = valid.Skip(1).ToArray();
        Assert.All(Enumerable.Range(0, shifted.Length), i => Assert.False(SiteConfigurationParser.IsShownInClear(shifted, i)));
    }

    [Fact]
    public void Parse_RandomArgumentLists_NeverThrowAndEveryRejectionSaysWhy()
    {
        var random = new Random(20261126);
        string[] pieces = ["", " ", "http://h", "https://h:1/p", "=", "key=value", "\0", "\u00e9", "ftp://x", "a b", "http://[::1]:80"];
        for (var round = 0; round < 5000; round++)
        {
            var arguments = Enumerable.Range(0, random.Next(0, 12))
                .Select(_ => pieces[random.Next(pieces.Length)] + (random.Next(3) == 0 ? random.Next().ToString() : ""))
                .ToArray();

            var configuration = SiteConfigurationParser.Parse(arguments, out var problems);

            Assert.True(configuration is null == problems.Count > 0);
            Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p)));
        }
    }

    [Fact]
    public void Parse_EndpointWithUserNameAndPassword_IsRefusedWithoutShowingThem()
    {
        var arguments = SiteArguments.Valid();
        arguments[5] = "http://admin:pa55word@127.0.0.1:9000";

        Assert.Null(SiteConfigurationParser.Parse(arguments, out var problems));

        var problem = Assert.Single(problems);
        Assert.Equal("argument 6 (S3_ENDPOINT) contains a user name or password; give credentials in their own arguments", problem);
    }
}
