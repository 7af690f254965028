using SpankQrun.Qrun.Tests.Infrastructure;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

public sealed class CommandLineTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Fact]
    public async Task Help_ListsOptionsAndExitCodes()
    {
        var result = await InProcessQrun.RunAsync(NoEnvironment, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--results", result.Output, StringComparison.Ordinal);
        Assert.Contains("--http-timeout", result.Output, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", result.Output, StringComparison.Ordinal);
        Assert.Contains("143", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoInput_ExitsWithUsageError()
    {
        var result = await InProcessQrun.RunAsync(NoEnvironment);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Required argument missing", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("abc")]
    public async Task HttpTimeout_NotPositiveNumber_ExitsWithUsageError(string value)
    {
        var result = await InProcessQrun.RunAsync(NoEnvironment, "--http-timeout", value, "input.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--http-timeout", result.Error, StringComparison.Ordinal);
    }
}
