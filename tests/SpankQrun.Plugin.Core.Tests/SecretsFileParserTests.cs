using System.Text;
using SpankQrun.Plugin.Core.Configuration;

namespace SpankQrun.Plugin.Core.Tests;

public sealed class SecretsFileParserTests
{
    private const string Path = Snapshots.Path;

    [Fact]
    public void Parse_KeyValueBeforeAnySection_IsADefaultWithFileAndLineAsOrigin()
    {
        var problems = new List<string>();

        var entries = SecretsFileParser.Parse(Path, "iam_apikey=k1"u8, problems);

        Assert.Empty(problems);
        Assert.Equal([new SettingEntry(null, SiteSettings.IamApiKey, "k1", $"{Path} line 1 (iam_apikey)")], entries);
    }

    [Fact]
    public void Parse_LinesAfterASection_ApplyToThatBackend()
    {
        var entries = Parse("s3_bucket=a\n[ibm_fez]\ns3_bucket=b\n[ibm_torino]\ns3_bucket=c\n", out _);

        Assert.Equal([null, "ibm_fez", "ibm_torino"], entries.Select(e => e.Backend));
        Assert.Equal(["a", "b", "c"], entries.Select(e => e.Value));
    }

    [Fact]
    public void Parse_KeyAndValue_AreTrimmed()
    {
        var entry = Assert.Single(Parse("   s3_region \t=  us-east-1  \r\n", out _));

        Assert.Equal(SiteSettings.S3Region, entry.Setting);
        Assert.Equal("us-east-1", entry.Value);
    }

    [Fact]
    public void Parse_SectionNameWithSpacesInsideTheBrackets_IsTrimmed() =>
        Assert.Equal("ibm_fez", Assert.Single(Parse("[ ibm_fez ]\ns3_bucket=b", out _)).Backend);

    [Fact]
    public void Parse_CommentsAndBlankLines_AreIgnoredButCounted()
    {
        var entry = Assert.Single(Parse("# comment\n\n   \n  # indented comment\ns3_bucket=b", out var problems));

        Assert.Empty(problems);
        Assert.Equal($"{Path} line 5 (s3_bucket)", entry.Origin);
    }

    [Fact]
    public void Parse_HashInsideAValue_IsPartOfTheValue() =>
        Assert.Equal("abc#def", Assert.Single(Parse("appid_secret=abc#def", out _)).Value);

    [Fact]
    public void Parse_ValueContainingEquals_KeepsEverythingAfterTheFirstEquals() =>
        Assert.Equal("a=b==", Assert.Single(Parse("aws_secret_access_key = a=b==", out _)).Value);

    [Fact]
    public void Parse_ByteOrderMark_IsSkippedAndTheFirstLineIsLineOne()
    {
        var problems = new List<string>();

        var entries = SecretsFileParser.Parse(Path, [0xEF, 0xBB, 0xBF, .. "s3_bucket=b"u8], problems);

        Assert.Empty(problems);
        Assert.Equal($"{Path} line 1 (s3_bucket)", Assert.Single(entries).Origin);
    }

    [Fact]
    public void Parse_EmptyFile_GivesNothing()
    {
        Assert.Empty(Parse("", out var problems));
        Assert.Empty(problems);
    }

    [Fact]
    public void Parse_SameKeyInDifferentSections_IsNotARepeat()
    {
        var entries = Parse("s3_bucket=a\n[ibm_fez]\ns3_bucket=b\n[ibm_torino]\ns3_bucket=c", out var problems);

        Assert.Empty(problems);
        Assert.Equal(3, entries.Count);
    }

    [Fact]
    public void Parse_LinesUnderAnInvalidSection_AreIgnoredWithoutFurtherProblems()
    {
        var entries = Parse("[bad name]\napikey=x\ns3_bucket=b\n[ibm_fez]\ns3_bucket=c", out var problems);

        Assert.Equal($"{Path} line 1: a section header is [name] with a backend name (letters, digits, '_', '-', '.'); the lines under it are ignored", Assert.Single(problems));
        Assert.Equal("ibm_fez", Assert.Single(entries).Backend);
    }

    [Fact]
    public void Parse_LineWithAProblem_GivesNoEntry()
    {
        var entries = Parse("daapi_endpoint=not-a-url\ns3_bucket=b", out var problems);

        Assert.Single(problems);
        Assert.Equal(SiteSettings.S3Bucket, Assert.Single(entries).Setting);
    }

    [Fact]
    public void Parse_RepeatedKey_KeepsTheFirstValue()
    {
        var entries = Parse("s3_bucket=first\ns3_bucket=second", out _);

        Assert.Equal("first", Assert.Single(entries).Value);
    }

    [Fact]
    public void Parse_UnknownKey_ListsTheKnownKeys()
    {
        Parse("apikey=x", out var problems);

        Assert.Equal($"{Path} line 1 (apikey): unknown key 'apikey'; known keys: {SettingKeys.KnownKeys}", Assert.Single(problems));
    }

    private static IReadOnlyList<SettingEntry> Parse(string text, out List<string> problems)
    {
        problems = [];
        return SecretsFileParser.Parse(Path, Encoding.UTF8.GetBytes(text), problems);
    }
}
