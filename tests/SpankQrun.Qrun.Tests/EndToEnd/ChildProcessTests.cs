using SpankQrun.Qrun.Tests.Infrastructure;
using Xunit;

namespace SpankQrun.Qrun.Tests.EndToEnd;

public sealed class ChildProcessTests
{
    [Fact]
    public async Task Version_RealProcess_PrintsTheReleaseFromTheVersionFileAndExitsZero()
    {
        var release = File.ReadAllText(Path.Combine(SpankQrun.TestSupport.RepositoryPaths.Root, "VERSION")).Trim();
        using var qrun = QrunChildProcess.Start(new Dictionary<string, string>(), "--version");

        var result = await qrun.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, result.ExitCode);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(release)}(\+|\s)", result.Output);
    }
}
