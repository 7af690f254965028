using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

[Collection(SlurmCollection.Name)]
public sealed class StressTests : IDisposable
{
    private const int Steps = 100;

    private readonly JobWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task HundredParallelThreeNodeStepsWithOptions_AllFinishAndEveryTaskIsRight()
    {
        try
        {
            await SlurmdRevival.ReviveDeadAsync(); // after an earlier test's crash
            var failure = await RunStepsAsync("a");
            if (failure is not null)
            {
                // Slurm 22.05's slurmd has aborted in this test (twice so far in this project's runs: glibc found its
                // malloc heap corrupted, in slurmd's own logging and hostlist code) and left that node's tasks unrun.
                // slurmd never loads the plugin, so such a run says nothing about it: the dead slurmd is started again
                // and the steps run once more. Without a dead slurmd, or on the second run, the failure stands.
                var revived = await SlurmdRevival.ReviveDeadAsync();
                Assert.True(revived.Count > 0, failure);
                failure = await RunStepsAsync("b");
            }

            Assert.True(failure is null, failure);
        }
        finally
        {
            // The later three-node tests need every node.
            await SlurmdRevival.ReviveDeadAsync();
        }
    }

    /// <summary>Null when every step ran its three tasks on three nodes, else what went wrong; wrong variables fail.</summary>
    private async Task<string?> RunStepsAsync(string run)
    {
        var script = _workspace.WriteScript($"stress-{run}.sh", $$"""
            #!/bin/bash
            #SBATCH -N3
            for i in $(seq {{Steps}}); do
                srun --overlap -N3 -n3 --q-backend=fake_brisbane --q-primitive=sampler {{_workspace.CaptureScript}} {{run}}$i &
            done
            wait
            """);
        var output = _workspace.PathOf($"out-{run}");

        var result = await Shell.RunAsync("sbatch", ["--wait", $"--output={output}", script], TimeSpan.FromMinutes(8));

        if (result.ExitCode != 0)
            return result + File.ReadAllText(output);
        var expected = TestSite.ExpectedEnvironment("fake_brisbane", "sampler");
        for (var i = 1; i <= Steps; i++)
        {
            var tasks = _workspace.Captures($"{run}{i}");
            if (tasks.Count != 3)
                return $"step {i} left {tasks.Count} task environments\n{File.ReadAllText(output)}";
            if (tasks.Select(t => t.Node).Distinct().Count() != 3)
                return $"step {i} ran on {string.Join(", ", tasks.Select(t => t.Node))}, not on three nodes";
            foreach (var task in tasks)
                Assert.Equal(expected, task.QrunVariables);
        }

        return null;
    }
}
