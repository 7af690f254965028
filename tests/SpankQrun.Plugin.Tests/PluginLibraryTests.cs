using SpankQrun.TestSupport;

namespace SpankQrun.Plugin.Tests;

/// <summary>The shape of the built library itself: what Slurm's loader sees.</summary>
public sealed class PluginLibraryTests
{
    [Fact]
    public async Task Library_ExportsTheSpankDataAndCallbacksButNoInitOrFini()
    {
        var nm = await Shell.RunAsync("nm", ["-D", "--defined-only", RepositoryPaths.Plugin]);
        Assert.True(nm.ExitCode == 0, nm.ToString());
        // "ADDRESS TYPE NAME@@VERSION"; type A is the version node itself, not a symbol.
        var symbols = nm.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' '))
            .Where(f => f.Length == 3 && f[1] != "A")
            .Select(f => f[2].Split('@')[0])
            .ToHashSet();

        // Exactly the SPANK data and callbacks, the glue's managed entry points and the runtime's debug header:
        // no init or fini (Slurm would call them), no other slurm_spank_* callback (slurmd runs only
        // slurm_spank_init, which returns at once there).
        Assert.Equal(
            new HashSet<string>
            {
                "plugin_name", "plugin_type", "plugin_version", "spank_plugin_version", "spank_qrun_version",
                "slurm_spank_init", "slurm_spank_init_post_opt", "slurm_spank_task_init_privileged", "slurm_spank_task_init",
                "spank_qrun_managed_check_option", "spank_qrun_managed_check_request", "spank_qrun_managed_task_init",
                "DotNetRuntimeDebugHeader",
            },
            symbols);
    }

    [Fact]
    public async Task Library_IsMarkedNeverToBeUnloadedAndLinksNoSlurmLibrary()
    {
        var dynamic = await Shell.RunAsync("readelf", ["-d", RepositoryPaths.Plugin]);

        Assert.True(dynamic.ExitCode == 0, dynamic.ToString());
        Assert.Contains("NODELETE", dynamic.Stdout);
        Assert.DoesNotContain("libslurm", dynamic.Stdout);
    }

    [Fact]
    public async Task Library_CarriesTheRepositorysVersionAsAStringThatStringsShows()
    {
        var version = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "VERSION")).Trim();

        var strings = await Shell.RunAsync("strings", [RepositoryPaths.Plugin]);

        Assert.True(strings.ExitCode == 0, strings.ToString());
        Assert.Contains($"spank_ibm_qrun version {version}", strings.Stdout.Split('\n'));
    }
}
