using SpankQrun.TestSupport;
namespace SpankQrun.Slurm.Tests.Infrastructure;

/// <summary>
/// The real local cluster brought up by scripts/slurm-cluster.sh (slurmctld, munge, slurmd n1 n2 n3).
/// Tests share one cluster and one plugstack.conf, so they run one at a time (see SlurmCollection).
/// </summary>
public sealed class SlurmCluster : IAsyncLifetime
{
    public const string LogDirectory = "/var/log/spank-qrun";

    public static readonly string[] Nodes = ["n1", "n2", "n3"];

    public async Task InitializeAsync()
    {
        var sinfo = await Shell.RunAsync("sinfo", ["-h", "-N", "-o", "%N %t"]);
        if (sinfo.ExitCode != 0 || Nodes.Any(n => !sinfo.Stdout.Contains(n + " ", StringComparison.Ordinal)))
            throw new InvalidOperationException($"the local Slurm cluster is not up: run scripts/slurm-cluster.sh up\n{sinfo}");
        Plugstack.InstallLibrary();
        Plugstack.ConfigureTestSite();
    }

    public Task DisposeAsync()
    {
        Plugstack.Remove();
        return Task.CompletedTask;
    }

    /// <summary>Every Slurm log file of the cluster (controller and each node).</summary>
    public static IEnumerable<string> LogFiles() => Directory.GetFiles(LogDirectory, "*.log");

    /// <summary>The job id in what sbatch printed ("Submitted batch job N").</summary>
    public static string JobIdOf(string sbatchStdout) => sbatchStdout.Split(' ', StringSplitOptions.RemoveEmptyEntries).Last().Trim();

    /// <summary>The states of the nodes, e.g. "idle" or "drain".</summary>
    public static async Task<IReadOnlyDictionary<string, string>> NodeStatesAsync()
    {
        var sinfo = await Shell.RunAsync("sinfo", ["-h", "-N", "-o", "%N %T"]);
        return sinfo.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' '))
            .GroupBy(p => p[0])
            .ToDictionary(g => g.Key, g => g.First()[1]);
    }
}
