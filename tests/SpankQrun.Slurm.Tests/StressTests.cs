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
        var script = _workspace.WriteScript("stress.sh", $$"""
            #!/bin/bash
            #SBATCH -N3
            for i in $(seq {{Steps}}); do
                srun --overlap -N3 -n3 --q-backend=fake_brisbane --q-primitive=sampler {{_workspace.CaptureScript}} s$i &
            done
            wait
            """);

        var result = await Shell.RunAsync("sbatch", ["--wait", $"--output={_workspace.PathOf("out")}", script], TimeSpan.FromMinutes(8));

        Assert.True(result.ExitCode == 0, result + File.ReadAllText(_workspace.PathOf("out")));
        var expected = TestSite.ExpectedEnvironment("fake_brisbane", "sampler");
        for (var i = 1; i <= Steps; i++)
        {
            var tasks = _workspace.Captures($"s{i}");
            Assert.True(tasks.Count == 3, $"step {i} left {tasks.Count} task environments");
            Assert.Equal(3, tasks.Select(t => t.Node).Distinct().Count());
            Assert.All(tasks, t => Assert.Equal(expected, t.QrunVariables));
        }
    }
}
