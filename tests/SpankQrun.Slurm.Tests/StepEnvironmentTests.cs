using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

[Collection(SlurmCollection.Name)]
public sealed class StepEnvironmentTests : IDisposable
{
    private readonly JobWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Srun_FourTasksOnTwoNodes_EveryTaskGetsTheEnvironment()
    {
        var result = await Shell.RunAsync("srun", ["-N2", "-n4", "--q-backend=fake_torino", "--q-primitive=Sampler", _workspace.CaptureScript, "step"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var tasks = _workspace.Captures("step");
        Assert.Equal([0, 1, 2, 3], tasks.Select(t => t.Rank).Order());
        Assert.Equal(2, tasks.Select(t => t.Node).Distinct().Count());
        Assert.All(tasks, t => Assert.Equal(TestSite.ExpectedEnvironment("fake_torino", "sampler"), t.QrunVariables));
    }

    [Fact]
    public async Task Salloc_StepsInsideTheAllocation_GetTheEnvironment()
    {
        var result = await Shell.RunAsync("salloc",
            ["-N2", "--q-backend=fake_cairo", "--q-primitive=estimator", "srun", "-N2", "-n2", _workspace.CaptureScript, "step"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var tasks = _workspace.Captures("step");
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(TestSite.ExpectedEnvironment("fake_cairo", "estimator"), t.QrunVariables));
    }

    [Fact]
    public async Task Srun_WithoutOptions_GivesNoIbmqrunVariable()
    {
        var result = await Shell.RunAsync("srun", ["-N3", "-n3", _workspace.CaptureScript, "step"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var tasks = _workspace.Captures("step");
        Assert.Equal(3, tasks.Count);
        Assert.All(tasks, t => Assert.Empty(t.QrunVariables));
    }
}
