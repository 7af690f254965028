using System.Text;
using SpankQrun.Plugin.Core.Configuration;

namespace SpankQrun.Plugin.Core.Tests;

/// <summary>A table of malformed secrets files, each with the file, line and reason it must give.</summary>
public sealed class SecretsFileParserMalformedTests
{
    private const string P = Snapshots.Path;

    public static TheoryData<byte[], string> MalformedFiles() => new()
    {
        { Utf8("iam_apikey"), $"{P} line 1 is not key=value, [backend], a # comment or blank (its text is not shown)" },
        { Utf8("s3_bucket=b\njust some words"), $"{P} line 2 is not key=value" },
        { Utf8("s3_bucket=b\r\nnot a setting\r\n"), $"{P} line 2 is not key=value" },
        { Utf8("[ibm_fez]\nnonsense"), $"{P} line 2 is not key=value" },
        { Utf8("apikey=x"), $"{P} line 1 (apikey): unknown key 'apikey'; known keys: " },
        { Utf8("IAM_APIKEY=x"), $"{P} line 1: the text before '=' is not a key" },
        { Utf8("=value"), $"{P} line 1: the text before '=' is not a key" },
        { Utf8("s3 bucket=x"), $"{P} line 1: the text before '=' is not a key" },
        { Utf8("ibm_fez.s3_bucket=b"), $"{P} line 1: the text before '=' is not a key" },
        { Utf8($"{new string('k', 33)}=x"), $"{P} line 1: the text before '=' is not a key" },
        { Utf8("backends=ibm_fez"), $"{P} line 1 (backends): 'backends' belongs on the plugstack.conf line, not in the secrets file" },
        { Utf8("[ibm_fez]\nsecrets=/x"), $"{P} line 2 (secrets): 'secrets' belongs on the plugstack.conf line" },
        { Utf8("iam_apikey=a\n\niam_apikey=b"), $"{P} line 3 (iam_apikey): 'iam_apikey' is repeated among the defaults (first at line 1)" },
        { Utf8("[ibm_fez]\ns3_bucket=a\ns3_bucket=b"), $"{P} line 3 (s3_bucket): 's3_bucket' is repeated in [ibm_fez] (first at line 2)" },
        { Utf8("[ibm_fez]\ns3_bucket=a\n[ibm_fez]\ns3_bucket=b"), $"{P} line 4 (s3_bucket): 's3_bucket' is repeated in [ibm_fez] (first at line 2)" },
        { Utf8("[ibm_fez]\n[ibm_torino]\n[ibm_fez]"), $"{P} line 3: section [ibm_fez] is repeated (first at line 1)" },
        { Utf8("[ibm fez]"), $"{P} line 1: a section header is [name] with a backend name" },
        { Utf8("[]"), $"{P} line 1: a section header is [name] with a backend name" },
        { Utf8("[ibm_fez"), $"{P} line 1: a section header is [name] with a backend name" },
        { Utf8("[ibm/fez]"), $"{P} line 1: a section header is [name] with a backend name" },
        { Utf8("[bad name]\napikey=x\nnonsense"), $"{P} line 3 is not key=value" },
        { Utf8("s3_bucket="), $"{P} line 1 (s3_bucket) is empty" },
        { Utf8("iam_apikey=   "), $"{P} line 1 (iam_apikey) is empty" },
        { Utf8("s3_region=us\u0001east"), $"{P} line 1 (s3_region) contains a control character" },
        { Utf8("daapi_endpoint=localhost:8290"), $"{P} line 1 (daapi_endpoint) is not an http:// or https:// URL" },
        { Utf8("iam_endpoint=https://user:pw@iam.example"), $"{P} line 1 (iam_endpoint) contains a user name or password" },
        { [.. "s3_bucket=b"u8, 0xFF], $"{P} line 1 is not valid UTF-8" },
        { [.. "# c\n\ns3_bucket=b\n"u8, 0xC3, 0x28], $"{P} line 4 is not valid UTF-8" },
        { [.. "appid_secret="u8, 0xED, 0xA0, 0x80], $"{P} line 1 is not valid UTF-8" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void Parse_MalformedFile_NamesTheFileTheLineAndTheReason(byte[] content, string expected)
    {
        var problems = new List<string>();

        SecretsFileParser.Parse(P, content, problems);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.True(ProblemLocations.NamesFileLine(p, P), p));
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
