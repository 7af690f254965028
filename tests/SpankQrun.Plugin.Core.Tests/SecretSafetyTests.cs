using System.Text;
using SpankQrun.Plugin.Core.Configuration;

namespace SpankQrun.Plugin.Core.Tests;

/// <summary>No message about the site configuration shows a secret, wherever the administrator misplaced it.</summary>
public sealed class SecretSafetyTests
{
    private const string Secret = "SECRETzq81Kd93/xP+w";
    private const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
    private const string LongToken = "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEYab";

    [Theory]
    [InlineData(Secret)]
    [InlineData("   " + Secret + "  ")]
    [InlineData("iam_apikey " + Secret)]
    [InlineData("iam_apikey: " + Secret)]
    [InlineData("iam_apikey=" + Secret + "\u0001")]
    [InlineData("daapi_endpoint=" + Secret)]
    [InlineData("iam_endpoint=https://admin:SECRETzq81Kd93xPw@iam.example")]
    [InlineData(Secret + "=" + Secret)]
    [InlineData("[" + Secret)]
    [InlineData("[ibm_fez]\n" + Secret)]
    [InlineData("[bad section]\n" + Secret)]
    [InlineData("iam_apikey=" + Secret + "\niam_apikey=" + Secret)]
    [InlineData("[ibm_fez]\nappid_secret=" + Secret + "\nappid_secret=" + Secret)]
    [InlineData("backends=" + Secret)]
    public void SecretsFile_MalformedLineWithASecret_DoesNotShowIt(string text)
    {
        var problems = new List<string>();

        SecretsFileParser.Parse(Snapshots.Path, Encoding.UTF8.GetBytes(text), problems);

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.DoesNotContain("SECRETzq81", p));
    }

    [Fact]
    public void SecretsFile_LineWithASecretThatIsNotUtf8_DoesNotShowIt()
    {
        var problems = new List<string>();

        SecretsFileParser.Parse(Snapshots.Path, [.. "appid_secret="u8, .. Encoding.UTF8.GetBytes(Secret), 0xFE], problems);

        Assert.Equal($"{Snapshots.Path} line 1 is not valid UTF-8", Assert.Single(problems));
    }

    [Theory]
    [InlineData(AccessKey)]
    [InlineData(LongToken)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ab")]
    public void SecretsFile_UnknownKeyThatLooksLikeAPastedSecret_IsNotShown(string token)
    {
        var problems = new List<string>();

        SecretsFileParser.Parse(Snapshots.Path, Encoding.UTF8.GetBytes($"[ibm_fez]\n{token}=x"), problems);

        Assert.Equal(
            $"{Snapshots.Path} line 2: the text before '=' is not a key (keys are lower-case names such as iam_apikey; the text is not shown)",
            Assert.Single(problems));
    }

    [Theory]
    [InlineData(AccessKey)]
    [InlineData(LongToken)]
    public void Plugstack_WordThatLooksLikeAPastedSecretKey_IsNotShown(string token)
    {
        PlugstackParser.Parse(["s3_bucket=b", $"{token}=x"], out var problems);

        Assert.DoesNotContain(token, Assert.Single(problems));
    }

    [Theory]
    [InlineData("iam_apikey=" + Secret + "\n")]
    [InlineData("appid_secret=" + Secret + "\u0000")]
    [InlineData("daapi_endpoint=" + Secret)]
    [InlineData("s3_endpoint=http://user:" + Secret + "@h.example")]
    [InlineData("apikey=" + Secret)]
    public void Plugstack_RefusedValue_IsNotShown(string word)
    {
        PlugstackParser.Parse(["s3_bucket=b", word], out var problems);

        Assert.DoesNotContain("SECRETzq81", Assert.Single(problems));
    }

    [Fact]
    public void Plugstack_RepeatedSecretKey_ShowsNeitherValue()
    {
        PlugstackParser.Parse(["iam_apikey=" + Secret, "iam_apikey=" + Secret + "2"], out var problems);

        Assert.DoesNotContain("SECRETzq81", Assert.Single(problems));
    }

    [Fact]
    public void Plugstack_SecretBesideKeyedWords_IsNamedByPositionOnly()
    {
        PlugstackParser.Parse(["s3_bucket=b", Secret], out var problems);

        Assert.DoesNotContain("SECRETzq81", Assert.Single(problems));
    }

    [Fact]
    public void Loader_SecretWrittenOnTheLineAndInTheFile_ShowsNeitherValue()
    {
        var result = SiteConfigurationLoader.Load(
            [$"secrets={Snapshots.Path}", $"iam_apikey={Secret}"],
            Snapshots.Read($"iam_apikey={Secret}x\n"),
            "ibm_torino");

        Assert.Contains(result.Problems, p => p.Contains("repeats plugstack.conf argument 2 (iam_apikey=...)", StringComparison.Ordinal));
        Assert.All(result.Problems, p => Assert.DoesNotContain("SECRETzq81", p));
    }

    [Fact]
    public void Shown_SecretKeyOfEveryKind_NeverShowsTheValue()
    {
        string[] words = [.. SiteSettings.All.Where(s => s.IsSecret).Select(s => $"ibm_fez.{s.Key}={Secret}"), .. SiteSettings.All.Where(s => s.IsSecret).Select(s => $"{s.Key}={Secret}")];

        Assert.All(Enumerable.Range(0, words.Length), i => Assert.DoesNotContain("SECRETzq81", PlugstackParser.Shown(words, i)));
    }
}
