using System.Text.RegularExpressions;
using SpankQrun.Gateway.Configuration;
using SpankQrun.TestSupport;

namespace SpankQrun.Gateway.Tests.Service;

/// <summary>qrun-gateway(8) documents every key the configuration parser knows and every option of the program's commands.</summary>
public sealed partial class ManPageTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "man", "qrun-gateway.8"));

    [Fact]
    public void ConfigurationSection_DescribesEveryGatewayKey()
    {
        var section = Section("CONFIGURATION");
        var described = section.Split('\n')
            .Where(line => line.StartsWith(".B ", StringComparison.Ordinal) || line.StartsWith(".BR ", StringComparison.Ordinal))
            .SelectMany(line => KeyName().Matches(line).Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(GatewayKeys.All, key => Assert.Contains(key, described));
    }

    [Fact]
    public void ConfigurationSection_NamesEveryDirectAccessAndS3Key()
    {
        var section = Section("CONFIGURATION");

        Assert.All(
            Plugin.Core.Configuration.SiteSettings.All.Select(setting => setting.Key),
            key => Assert.Matches($@"\.BR? {key}\b", section));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("usage", "--help")]
    public async Task SynopsisAndOptions_NameEveryOptionOfHelp(params string[] arguments)
    {
        var help = await Shell.RunAsync("dotnet", [Dll(), .. arguments]);
        var options = OptionName().Matches(help.Stdout[help.Stdout.IndexOf("Options:", StringComparison.Ordinal)..])
            .Select(m => m.Value).Distinct().ToList();
        var page = Page.Replace("\\-", "-", StringComparison.Ordinal);

        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("--config", options);
        Assert.All(options, option => Assert.Contains(option, page));
    }

    private static string Section(string name)
    {
        var start = Page.IndexOf($"\n.SH {name}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"qrun-gateway.8 has no {name} section");
        var end = Page.IndexOf("\n.SH ", start + 1, StringComparison.Ordinal);
        return Page[start..end];
    }

    private static string Dll() => Path.Combine(RepositoryPaths.Root, "artifacts", "bin", "SpankQrun.Gateway", "debug", "qrun-gateway.dll");

    [GeneratedRegex(@"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)*\b")]
    private static partial Regex KeyName();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex OptionName();
}
