using System.Text.RegularExpressions;
using SpankQrun.Qrun.Tests.Infrastructure;
using SpankQrun.TestSupport;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

/// <summary>qrun(1) lists exactly the options `qrun --help` shows, and every environment variable qrun's sources read.</summary>
public sealed partial class ManPageTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "man", "qrun.1"));

    [Fact]
    public async Task OptionsSection_ListsExactlyTheOptionsOfHelp()
    {
        var help = await InProcessQrun.RunAsync(new Dictionary<string, string>(), "--help");
        var optionsOfHelp = Section(help.Output, "Options:", "\n\n")
            .Split('\n')
            .SelectMany(line => OptionName().Matches(line.Trim().Split("  ", 2)[0]).Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);

        var optionsOfPage = ManSection("OPTIONS")
            .Split('\n')
            .Where(line => line.StartsWith(".B", StringComparison.Ordinal))
            .SelectMany(line => OptionName().Matches(line.Replace("\\-", "-", StringComparison.Ordinal)).Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("--timeout", optionsOfHelp);
        Assert.Contains("-r", optionsOfHelp);
        Assert.Equal(optionsOfHelp.Order(StringComparer.Ordinal), optionsOfPage.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EnvironmentSection_NamesEveryVariableTheSourcesRead()
    {
        var sources = new[] { "SpankQrun.Qrun", "SpankQrun.Variables" }
            .SelectMany(project => Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src", project), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal));
        var variables = sources
            .SelectMany(path => VariableLiteral().Matches(File.ReadAllText(path)).Select(m => m.Groups["name"].Value))
            .Append("PATH")
            .ToHashSet(StringComparer.Ordinal);
        var environment = ManSection("ENVIRONMENT").Replace("\\-", "-", StringComparison.Ordinal);

        Assert.Contains("IBMQRUN_MAX_TIMEOUT_SECS", variables);
        Assert.Contains("IBMQRUN_GATEWAY", variables);
        Assert.Contains("SLURM_STEP_NUM_TASKS", variables);
        Assert.All(variables, name => Assert.Matches($@"(?<![A-Z_]){name}(?![A-Z_])", environment));
    }

    private static string ManSection(string name) => Section(Page, $"\n.SH {name}\n", "\n.SH ");

    private static string Section(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"no '{start.Trim()}' in:\n{text}");
        from += start.Length;
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        return to < 0 ? text[from..] : text[from..to];
    }

    [GeneratedRegex(@"(?<![\w-])(--[a-z][a-z-]*|-[a-zA-Z?])(?![\w-])")]
    private static partial Regex OptionName();

    [GeneratedRegex("\"(?<name>(?:IBMQRUN|SLURM)_[A-Z0-9_]+)\"")]
    private static partial Regex VariableLiteral();
}
