using System.Text.RegularExpressions;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

/// <summary>
/// The built qrun starts without rewriting its own data (SpankQrun.Qrun.csproj): NativeAOT's type data is stored as
/// is, not dehydrated (no .hydrated section to fill at start-up), and the executable is linked at a fixed address
/// (no pointers in that data for the loader to relocate). Needs no cluster: it reads build/qrun.
/// </summary>
public sealed partial class QrunStartupTests
{
    [Fact]
    public async Task BuiltQrun_IsLinkedAtAFixedAddress_WithItsDataStoredAsIs()
    {
        var header = await ReadElfAsync("-hW");
        Assert.Matches(ExecutableType(), header);

        var sections = await ReadElfAsync("-SW");
        Assert.DoesNotContain(".hydrated", sections, StringComparison.Ordinal);
    }

    private static async Task<string> ReadElfAsync(string option)
    {
        var result = await Shell.RunAsync("readelf", [option, Path.Combine(RepositoryPaths.Root, "build", "qrun")]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout;
    }

    [GeneratedRegex(@"Type:\s+EXEC\b")]
    private static partial Regex ExecutableType();
}
