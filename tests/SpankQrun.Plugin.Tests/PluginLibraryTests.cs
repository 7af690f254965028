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
        var symbols = nm.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ').Last().Split('@')[0])
            .ToHashSet();

        Assert.Superset(
            new HashSet<string> { "plugin_name", "plugin_type", "plugin_version", "slurm_spank_init", "slurm_spank_init_post_opt", "slurm_spank_task_init" },
            symbols);
        Assert.DoesNotContain("init", symbols);
        Assert.DoesNotContain("fini", symbols);
        // slurmd must have no reason to run anything but slurm_spank_init, which returns at once there.
        Assert.DoesNotContain("slurm_spank_slurmd_exit", symbols);
        Assert.DoesNotContain("slurm_spank_job_prolog", symbols);
    }

    [Fact]
    public async Task Library_IsMarkedNeverToBeUnloadedAndLinksNoSlurmLibrary()
    {
        var dynamic = await Shell.RunAsync("readelf", ["-d", RepositoryPaths.Plugin]);

        Assert.True(dynamic.ExitCode == 0, dynamic.ToString());
        Assert.Contains("NODELETE", dynamic.Stdout);
        Assert.DoesNotContain("libslurm", dynamic.Stdout);
    }
}
