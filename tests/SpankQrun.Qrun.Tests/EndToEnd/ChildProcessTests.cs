using SpankQrun.Qrun.Tests.Infrastructure;
using Xunit;

namespace SpankQrun.Qrun.Tests.EndToEnd;

public sealed class ChildProcessTests
{
    [Fact]
    public async Task Version_RealProcess_PrintsAssemblyVersionAndExitsZero()
    {
        using var qrun = QrunChildProcess.Start(new Dictionary<string, string>(), "--version");

        var result = await qrun.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("0.1.0", result.Output, StringComparison.Ordinal);
    }
}
