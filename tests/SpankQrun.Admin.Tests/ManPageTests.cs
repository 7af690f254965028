using SpankQrun.TestSupport;

namespace SpankQrun.Admin.Tests;

/// <summary>The hand-written man pages in docs/man render with man(1) without a warning and describe what the programs do.</summary>
public sealed class ManPageTests
{
    private static readonly string[] PageNames = [.. Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs", "man")).Select(p => Path.GetFileName(p))];

    public static TheoryData<string> Pages => new(PageNames);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task ManPage_RendersWithoutWarnings(string page)
    {
        var path = Path.Combine(RepositoryPaths.Root, "docs", "man", page);

        var run = await Shell.RunAsync("man", ["--warnings", "-l", path], environment: new Dictionary<string, string?> { ["MANWIDTH"] = "80", ["MANPAGER"] = "cat" });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Stderr);
        Assert.Contains("NAME", run.Stdout);
        Assert.Contains("SEE ALSO", run.Stdout);
    }

    [Fact]
    public void ManPages_CoverEveryProgramAndThePlugin()
    {
        Assert.Equal(
            ["qrun-admin.8", "qrun-emulator.8", "qrun-gateway.8", "qrun.1", "spank_ibm_qrun.8"],
            PageNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task QrunAdminManPage_NamesEveryOptionOfTheCheckCommand()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "man", "qrun-admin.8"));
        var help = await AdminRun.RunAsync("check", "--help");

        var options = System.Text.RegularExpressions.Regex.Matches(help.Output, @"(?<![\w-])--[a-z][a-z-]+").Select(m => m.Value).Distinct().Where(o => o != "--help").ToList();

        Assert.NotEmpty(options);
        Assert.All(options, option => Assert.Contains(option.Replace("-", "\\-", StringComparison.Ordinal), page));
    }
}
