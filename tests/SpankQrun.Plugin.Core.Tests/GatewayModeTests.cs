using SpankQrun.Plugin.Core.Callbacks;
using SpankQrun.Plugin.Core.Configuration;
using SpankQrun.Plugin.Core.Tests.Fakes;
using SpankQrun.Variables;

namespace SpankQrun.Plugin.Core.Tests;

/// <summary>
/// <c>gateway=URL</c> on the plugstack.conf line: tasks get the gateway's URL and their request, and no
/// credential or endpoint of the site, whatever they inherit; site settings next to it are refused by name.
/// </summary>
public sealed class GatewayModeTests
{
    private const string Gateway = "http://gw.example:8291";

    private static readonly string[] Line = [$"backends={KeyedSite.Torino},{KeyedSite.Fez}", $"gateway={Gateway}"];

    [Fact]
    public void Run_GatewayLine_SetsExactlyTheGatewayBackendAndPrimitive()
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Success, TaskInitCallback.Run(host, Line, KeyedSite.Torino, "Sampler", SecretsFileSnapshot.None));

        Assert.Equal(
            new Dictionary<string, string>
            {
                [IbmQrunVariables.Gateway] = Gateway,
                [IbmQrunVariables.Backend] = KeyedSite.Torino,
                [IbmQrunVariables.Primitive] = "sampler",
            },
            host.Environment);
    }

    [Fact]
    public void Run_GatewayLineWithInheritedCredentials_RemovesEveryOneOfThem()
    {
        var host = new RecordingSpankHost();
        foreach (var setting in SiteSettings.All)
            host.Inherited[setting.Variable] = "inherited-" + setting.Key;
        host.Inherited["IBMQRUN_SOMETHING_ELSE"] = "kept";

        Assert.Equal(SpankResult.Success, TaskInitCallback.Run(host, Line, KeyedSite.Fez, null, SecretsFileSnapshot.None));

        Assert.Equal(SiteSettings.All.Select(s => s.Variable), host.Removed);
        Assert.Equal(
            [IbmQrunVariables.Backend, IbmQrunVariables.Gateway, "IBMQRUN_SOMETHING_ELSE"],
            host.TaskEnvironment.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(host.TaskEnvironment.Values, v => v.StartsWith("inherited-", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_GatewayLineWithATrailingSlash_GivesTheUrlWithoutIt()
    {
        var host = new RecordingSpankHost();

        TaskInitCallback.Run(host, [$"gateway={Gateway}/"], "fake_brisbane", null, SecretsFileSnapshot.None);

        Assert.Equal(Gateway, host.Environment[IbmQrunVariables.Gateway]);
    }

    [Fact]
    public void Run_DirectModeWithAnInheritedGateway_RemovesIt()
    {
        var host = new RecordingSpankHost();
        host.Inherited[IbmQrunVariables.Gateway] = "http://users-own-gateway.example";

        Assert.Equal(SpankResult.Success, TaskInitCallback.Run(host, KeyedSite.Line(), KeyedSite.Torino, null, KeyedSite.File()));

        Assert.Contains(IbmQrunVariables.Gateway, host.Removed);
        Assert.DoesNotContain(IbmQrunVariables.Gateway, host.TaskEnvironment.Keys);
    }

    [Fact]
    public void Run_GatewayLineBackendNotOffered_FailsWithTheList()
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Failure, TaskInitCallback.Run(host, Line, "ibm_x", null, SecretsFileSnapshot.None));

        Assert.Equal("unknown backend 'ibm_x'; available: ibm_torino, ibm_fez", Assert.Single(host.Errors));
        Assert.Empty(host.Environment);
    }

    [Theory]
    [InlineData("iam_apikey=k-Secret1", "iam_apikey")]
    [InlineData("aws_secret_access_key=s-Secret2", "aws_secret_access_key")]
    [InlineData("ibm_fez.appid_secret=a-Secret3", "appid_secret")]
    [InlineData("daapi_endpoint=http://127.0.0.1:8290", "daapi_endpoint")]
    public void Run_SettingOnTheLineWithGateway_FailsNamingTheKey(string word, string key)
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Failure, TaskInitCallback.Run(host, [.. Line, word], KeyedSite.Torino, null, SecretsFileSnapshot.None));

        var error = Assert.Single(host.Errors);
        Assert.Contains($"'{key}' is not allowed with gateway=", error);
        Assert.Contains("plugstack.conf argument 3", error);
        Assert.DoesNotContain("Secret", host.AllText);
        Assert.Empty(host.Environment);
    }

    [Fact]
    public void Run_SecretsFileWithCredentialsAndGateway_FailsNamingEachKeyAndItsLine()
    {
        var host = new RecordingSpankHost();

        var rc = TaskInitCallback.Run(host, [.. Line, $"secrets={Snapshots.Path}"], KeyedSite.Fez, null, KeyedSite.File());

        Assert.Equal(SpankResult.Failure, rc);
        Assert.Contains($"{Snapshots.Path} line 2 (aws_access_key_id): 'aws_access_key_id' is not allowed with gateway=", Assert.Single(host.Errors));
        Assert.Contains(host.Infos, i => i.Contains($"{Snapshots.Path} line 6 (iam_apikey): 'iam_apikey' is not allowed with gateway=", StringComparison.Ordinal));
        Assert.All(KeyedSite.Secrets, secret => Assert.DoesNotContain(secret, host.AllText));
        Assert.Empty(host.Environment);
    }

    [Fact]
    public void Run_EmptySecretsFileWithGateway_IsServed()
    {
        var host = new RecordingSpankHost();

        var rc = TaskInitCallback.Run(host, [.. Line, $"secrets={Snapshots.Path}"], KeyedSite.Fez, null, Snapshots.Read("# moved to the gateway\n"));

        Assert.Equal(SpankResult.Success, rc);
        Assert.Equal(Gateway, host.Environment[IbmQrunVariables.Gateway]);
    }

    [Theory]
    [InlineData("gateway=")]
    [InlineData("gateway=gw.example:8291")]
    [InlineData("gateway=ftp://gw.example")]
    [InlineData("gateway=http://user:Pw-Secret9@gw.example")]
    [InlineData("gateway=http://gw.example/?token=Pw-Secret9")]
    [InlineData("gateway=http://gw.example/#frag")]
    [InlineData("gateway=http:///path")]
    public void Parse_GatewayThatIsNotAPlainUrl_IsRefusedWithoutShowingIt(string word)
    {
        var configuration = PlugstackParser.Parse(["backends=a", word], out var problems);

        Assert.Null(configuration);
        var problem = Assert.Single(problems);
        Assert.StartsWith("plugstack.conf argument 2 (gateway=...) is not an http:// or https:// URL", problem);
        Assert.DoesNotContain("Pw-Secret9", problem);
    }

    [Fact]
    public void Parse_GatewayTwice_IsRefused()
    {
        PlugstackParser.Parse([$"gateway={Gateway}", $"gateway={Gateway}"], out var problems);

        Assert.Equal("plugstack.conf argument 2: key 'gateway' is repeated (first in argument 1)", Assert.Single(problems));
    }

    [Fact]
    public void Parse_GatewayInTheSecretsFile_BelongsOnTheLine()
    {
        var problems = new List<string>();

        SecretsFileParser.Parse(Snapshots.Path, System.Text.Encoding.UTF8.GetBytes($"gateway = {Gateway}\n"), problems);

        Assert.Equal($"{Snapshots.Path} line 1 (gateway): 'gateway' belongs on the plugstack.conf line, not in the secrets file", Assert.Single(problems));
    }

    [Fact]
    public void Shown_GatewayWord_IsPublic()
    {
        Assert.Equal($"gateway={Gateway}", PlugstackParser.Shown([.. Line], 1));
    }

    [Fact]
    public void CheckOption_GatewayLine_StillChecksTheBackendList()
    {
        var host = new RecordingSpankHost();

        Assert.Equal(SpankResult.Success, SubmitCallbacks.CheckOption(host, QrunOption.Backend, KeyedSite.Fez, Line));
        Assert.Equal(SpankResult.Failure, SubmitCallbacks.CheckOption(host, QrunOption.Backend, "ibm_x", Line));
    }
}
