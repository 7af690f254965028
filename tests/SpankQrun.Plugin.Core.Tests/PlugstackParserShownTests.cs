using SpankQrun.Plugin.Core.Configuration;

namespace SpankQrun.Plugin.Core.Tests;

/// <summary>How each plugstack argument may appear in the task_init trace.</summary>
public sealed class PlugstackParserShownTests
{
    [Fact]
    public void Shown_SeedLine_ShowsOnlyTheNonSecretPositions()
    {
        var valid = SiteArguments.Valid();

        Assert.Equal(
            ["********", "********", SiteArguments.DaEndpoint, "********", "********", SiteArguments.S3Endpoint, SiteArguments.Bucket, SiteArguments.Region],
            Enumerable.Range(0, 8).Select(i => PlugstackParser.Shown(valid, i)));
    }

    [Fact]
    public void Shown_PositionalLineOfTheWrongLength_MasksEveryArgument()
    {
        var shifted = SiteArguments.Valid().Skip(1).ToArray();

        Assert.All(Enumerable.Range(0, shifted.Length), i => Assert.Equal(Redaction.Mask, PlugstackParser.Shown(shifted, i)));
    }

    [Fact]
    public void Shown_PositionalWordInAMixedLineOfEight_IsMasked()
    {
        var arguments = SiteArguments.Valid();
        arguments[0] = "s3_region=r";

        Assert.Equal(Redaction.Mask, PlugstackParser.Shown(arguments, 2));
    }

    [Theory]
    [InlineData("iam_apikey=k-Secret1", "iam_apikey=********")]
    [InlineData("appid_secret=k-Secret1", "appid_secret=********")]
    [InlineData("appid_client_id=k-Secret1", "appid_client_id=********")]
    [InlineData("aws_access_key_id=k-Secret1", "aws_access_key_id=********")]
    [InlineData("aws_secret_access_key=k-Secret1", "aws_secret_access_key=********")]
    [InlineData("ibm_fez.appid_secret=k-Secret1", "ibm_fez.appid_secret=********")]
    public void Shown_SecretSetting_ShowsTheKeyAndAMask(string word, string shown) =>
        Assert.Equal(shown, PlugstackParser.Shown([word], 0));

    [Fact]
    public void Shown_UnknownKey_IsMaskedBecauseItsValueMayBeASecret() =>
        Assert.Equal("apikey=********", PlugstackParser.Shown(["apikey=k-Secret1"], 0));

    [Theory]
    [InlineData("s3_bucket=qrun-bucket")]
    [InlineData("daapi_endpoint=http://127.0.0.1:8290")]
    [InlineData("service_crn=crn:v1:x")]
    [InlineData("iam_endpoint=https://iam.example")]
    [InlineData("ibm_fez.s3_region=eu-de")]
    [InlineData("backends=ibm_torino,ibm_fez")]
    [InlineData("secrets=/etc/slurm/qrun-secrets.conf")]
    public void Shown_PublicKey_ShowsTheWholeWord(string word) =>
        Assert.Equal(word, PlugstackParser.Shown(["s3_region=r", word], 1));
}
