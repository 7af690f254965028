using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests.Infrastructure;

/// <summary>
/// Starts again a node's slurmd that has died (scripts/slurm-cluster.sh runs one <c>slurmd -N NODE</c> per node), so
/// that one crash of Slurm's own daemon does not take every later three-node test down with it. slurmd never loads the
/// plugin (only slurmstepd does), so its death says nothing about the plugin.
/// </summary>
public static class SlurmdRevival
{
    private static readonly TimeSpan UpTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The nodes whose slurmd was gone and now runs again, each back in service.</summary>
    public static async Task<IReadOnlyList<string>> ReviveDeadAsync()
    {
        var revived = new List<string>();
        foreach (var node in SlurmCluster.Nodes)
        {
            var running = await Shell.RunAsync("pgrep", ["-f", $"^slurmd -N {node}$"]);
            if (running.ExitCode == 0)
                continue;
            var start = await Shell.RunAsync("slurmd", ["-N", node]);
            if (start.ExitCode != 0)
                throw new InvalidOperationException($"slurmd -N {node} had died and did not start again: {start}");
            revived.Add(node);
        }

        var deadline = DateTime.UtcNow + UpTimeout;
        foreach (var node in revived)
        {
            // ReturnToService=2 brings a node that stopped answering back by itself once its slurmd registers; resume
            // covers a node that was set down for another reason meanwhile.
            await Shell.RunAsync("scontrol", ["update", $"nodename={node}", "state=resume"]);
            while (!IsInService((await SlurmCluster.NodeStatesAsync()).GetValueOrDefault(node)))
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException(
                        $"node {node} is not back in service {UpTimeout.TotalSeconds} s after its slurmd restarted");
                }

                await Task.Delay(500);
            }
        }

        return revived;
    }

    private static bool IsInService(string? state) => state is "idle" or "mixed" or "allocated" or "completing";
}
