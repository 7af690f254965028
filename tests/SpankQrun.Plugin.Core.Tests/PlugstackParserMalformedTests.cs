using SpankQrun.Plugin.Core.Configuration;

namespace SpankQrun.Plugin.Core.Tests;

/// <summary>A table of malformed plugstack.conf lines, each with the reason it must give.</summary>
public sealed class PlugstackParserMalformedTests
{
    public static TheoryData<string[], string> MalformedLines()
    {
        var longBackend = new string('b', OptionValidator.MaxBackendLength + 1);
        return new TheoryData<string[], string>
        {
            { [], "the plugstack.conf line for spank_ibm_qrun has no arguments" },
            { SiteArguments.Valid()[..7], "the plugstack.conf line for spank_ibm_qrun has 7 argument(s); expected 8" },
            { [.. SiteArguments.Valid(), "extra"], "has 9 argument(s); expected 8" },
            { ["ibm fez.s3_bucket=b"], "has 1 argument(s); expected 8" },
            { WithPositional(1, ""), "argument 2 (APPID_SECRET) is empty" },
            { WithPositional(2, "localhost:8290"), "argument 3 (DAAPI_ENDPOINT) is not an http:// or https:// URL" },
            { WithPositional(5, "https://u:p@h.example"), "argument 6 (S3_ENDPOINT) contains a user name or password" },
            { WithPositional(6, "bucket\n"), "argument 7 (S3_BUCKET) contains a control character" },
            { ["s3_bucket=b", "apikey=x"], "plugstack.conf argument 2 (apikey=...): unknown key 'apikey'" },
            { ["ibm_fez.apikey=x"], "plugstack.conf argument 1 (ibm_fez.apikey=...): unknown key 'ibm_fez.apikey'" },
            { ["backends=ibm_fez", "ibm_fez.backends=x"], "plugstack.conf argument 2 (ibm_fez.backends=...): unknown key 'ibm_fez.backends'" },
            { ["s3_bucket=a", "s3_bucket=b"], "plugstack.conf argument 2: key 's3_bucket' is repeated (first in argument 1)" },
            { ["backends=a", "s3_bucket=b", "backends=c"], "plugstack.conf argument 3: key 'backends' is repeated (first in argument 1)" },
            { ["secrets=/a", "secrets=/b"], "plugstack.conf argument 2: key 'secrets' is repeated (first in argument 1)" },
            { ["ibm_fez.s3_bucket=a", "ibm_fez.s3_bucket=b"], "plugstack.conf argument 2: key 'ibm_fez.s3_bucket' is repeated (first in argument 1)" },
            { ["s3_bucket=b", "positional"], "plugstack.conf argument 2 is not key=value (keys are lower case) but argument 1 (s3_bucket=...) is" },
            { ["http://127.0.0.1:8290", "s3_bucket=b"], "plugstack.conf argument 1 is not key=value (keys are lower case) but argument 2 (s3_bucket=...) is" },
            { ["s3_region=r", "S3_BUCKET=b"], "plugstack.conf argument 2 is not key=value" },
            { ["s3_bucket="], "plugstack.conf argument 1 (s3_bucket=...) is empty" },
            { ["iam_apikey=   "], "plugstack.conf argument 1 (iam_apikey=...) is empty" },
            { ["s3_region=us\teast"], "plugstack.conf argument 1 (s3_region=...) contains a control character" },
            { ["appid_secret=a\u0000b"], "plugstack.conf argument 1 (appid_secret=...) contains a control character" },
            { ["daapi_endpoint=localhost:8290"], "plugstack.conf argument 1 (daapi_endpoint=...) is not an http:// or https:// URL" },
            { ["s3_endpoint=ftp://h.example/"], "plugstack.conf argument 1 (s3_endpoint=...) is not an http:// or https:// URL" },
            { ["iam_endpoint=http://"], "plugstack.conf argument 1 (iam_endpoint=...) is not an http:// or https:// URL" },
            { ["daapi_endpoint=https://admin:pw@h.example/"], "plugstack.conf argument 1 (daapi_endpoint=...) contains a user name or password" },
            { ["backends="], "plugstack.conf argument 1 (backends=...): '' is not a backend name" },
            { ["backends=ibm_fez,,ibm_torino"], "plugstack.conf argument 1 (backends=...): '' is not a backend name" },
            { ["backends=ibm_fez, ibm_torino"], "plugstack.conf argument 1 (backends=...): ' ibm_torino' is not a backend name" },
            { ["backends=ibm/fez"], "plugstack.conf argument 1 (backends=...): 'ibm/fez' is not a backend name" },
            { [$"backends={longBackend}"], "plugstack.conf argument 1 (backends=...): 'bbbbbbbb" },
            { ["backends=ibm_fez,ibm_torino,ibm_fez"], "plugstack.conf argument 1 (backends=...): 'ibm_fez' is listed twice" },
            { ["secrets=etc/qrun.conf"], "plugstack.conf argument 1 (secrets=...): 'etc/qrun.conf' is not an absolute path" },
            { ["secrets="], "plugstack.conf argument 1 (secrets=...): '' is not an absolute path" },
            { ["secrets=~/qrun.conf"], "plugstack.conf argument 1 (secrets=...): '~/qrun.conf' is not an absolute path" },
            { ["secrets=/etc/qrun\u001b.conf"], "plugstack.conf argument 1 (secrets=...): '/etc/qrun\\u{001b}.conf' is not an absolute path without control characters" },
            { [$"{longBackend}.s3_bucket=b"], "=...): the part before the last '.' must be a backend name" },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedLines))]
    public void Parse_MalformedLine_IsRefusedSayingWhereAndWhy(string[] words, string expected)
    {
        Assert.Null(PlugstackParser.Parse(words, out var problems));

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.True(ProblemLocations.NamesPlugstackPlace(p), p));
    }

    private static string[] WithPositional(int index, string value)
    {
        var arguments = SiteArguments.Valid();
        arguments[index] = value;
        return arguments;
    }
}
