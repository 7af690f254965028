using SpankQrun.Qrun.Tests.Infrastructure;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

/// <summary>Usage errors: one "qrun:" line each, naming the option or argument and the fix; help only with --help.</summary>
public sealed class CommandLineTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Fact]
    public async Task Help_ListsOptionsAndExitCodes()
    {
        var result = await InProcessQrun.RunAsync(NoEnvironment, "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--results", "-r", "--http-timeout", "--timeout", "--log-level", "--check", "Exit codes:", "143" })
        {
            Assert.Contains(option, result.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new[] { "--bogus", "x.json" }, "unknown option --bogus: qrun's options are")]
    [InlineData(new[] { "--resluts", "o.json", "x.json" }, "unknown option --resluts: did you mean --results?")]
    [InlineData(new string[0], "missing INPUT: name the PUBs file")]
    [InlineData(new[] { "-r" }, "--results needs a value: --results FILE")]
    [InlineData(new[] { "a.json", "b.json" }, "unexpected argument b.json: qrun runs one INPUT file per call")]
    [InlineData(new[] { "--timeout", "abc", "x.json" }, "--timeout abc is not a whole number of seconds from 1 to 86400")]
    [InlineData(new[] { "--timeout", "90000", "x.json" }, "--timeout 90000 is not a whole number of seconds from 1 to 86400")]
    [InlineData(new[] { "--http-timeout", "0", "x.json" }, "--http-timeout 0 is not a number of seconds")]
    [InlineData(new[] { "--log-level", "verbose", "x.json" }, "--log-level verbose is not a log level: use one of debug, info, warning, error, critical")]
    [InlineData(new[] { "--version", "x.json" }, "--version takes no other options or arguments")]
    public async Task UsageError_IsOneQrunLineNamingTheProblemWithoutHelp(string[] args, string expected)
    {
        var result = await InProcessQrun.RunAsync(NoEnvironment, args);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("qrun: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Timeout_AboveTheSiteMaximum_NamesTheSiteMaximum()
    {
        var environment = new Dictionary<string, string> { [QrunHost.MaxTimeoutVariable] = "600" };

        var result = await InProcessQrun.RunAsync(environment, "--timeout", "601", "x.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--timeout 601 is not a whole number of seconds from 1 to 600", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpstreamShortOptions_RAndV_AreAccepted()
    {
        var version = await InProcessQrun.RunAsync(NoEnvironment, "-V");

        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Output);
    }
}
