using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

[Collection(SlurmCollection.Name)]
public sealed class BatchEnvironmentTests : IDisposable
{
    private readonly JobWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Sbatch_OptionsOnSbatchLines_GiveTheBatchScriptAndEveryTaskOfItsStepsTheEnvironment()
    {
        var script = _workspace.WriteScript("job.sh", $"""
            #!/bin/bash
            #SBATCH --q-backend=fake_brisbane
            #SBATCH --q-primitive=sampler
            #SBATCH -N2 -n4
            {_workspace.CaptureScript} batch
            srun -N2 -n4 {_workspace.CaptureScript} step
            """);

        var result = await Sbatch(script);

        Assert.True(result.ExitCode == 0, result.ToString());
        var expected = TestSite.ExpectedEnvironment("fake_brisbane", "sampler");
        Assert.Equal(expected, Assert.Single(_workspace.Captures("batch")).QrunVariables);
        var steps = _workspace.Captures("step");
        Assert.Equal([0, 1, 2, 3], steps.Select(s => s.Rank).Order());
        Assert.Equal(2, steps.Select(s => s.Node).Distinct().Count());
        Assert.All(steps, s => Assert.Equal(expected, s.QrunVariables));
    }

    [Fact]
    public async Task Sbatch_OptionsOnCommandLine_GiveTheEnvironmentWithThePrimitiveInLowerCase()
    {
        var script = _workspace.WriteScript("job.sh", $"#!/bin/bash\n{_workspace.CaptureScript} batch\n");

        var result = await Sbatch(script, "--q-backend=fake_cairo", "--q-primitive=ESTIMATOR");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(TestSite.ExpectedEnvironment("fake_cairo", "estimator"), Assert.Single(_workspace.Captures("batch")).QrunVariables);
    }

    [Fact]
    public async Task Sbatch_ValueOnCommandLineAndSbatchLine_CommandLineWins()
    {
        var script = _workspace.WriteScript("job.sh", $"""
            #!/bin/bash
            #SBATCH --q-backend=from_script
            #SBATCH --q-primitive=sampler
            {_workspace.CaptureScript} batch
            """);

        var result = await Sbatch(script, "--q-backend=from_command_line");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(TestSite.ExpectedEnvironment("from_command_line", "sampler"), Assert.Single(_workspace.Captures("batch")).QrunVariables);
    }

    [Fact]
    public async Task Sbatch_Array_EveryArrayTaskGetsTheEnvironment()
    {
        var script = _workspace.WriteScript("job.sh", $"#!/bin/bash\n{_workspace.CaptureScript} batch\n");

        var result = await Sbatch(script, "--array=1-3", "--q-backend=fake_lagos", "--q-primitive=sampler");

        Assert.True(result.ExitCode == 0, result.ToString());
        var captures = _workspace.Captures("batch");
        Assert.Equal(["1", "2", "3"], captures.Select(c => c.ArrayTask).Order());
        Assert.All(captures, c => Assert.Equal(TestSite.ExpectedEnvironment("fake_lagos", "sampler"), c.QrunVariables));
    }

    [Fact]
    public async Task Sbatch_WithoutOptions_GivesNoIbmqrunVariableToAnyTask()
    {
        var script = _workspace.WriteScript("job.sh", $"#!/bin/bash\n{_workspace.CaptureScript} batch\nsrun -N2 -n2 {_workspace.CaptureScript} step\n");

        var result = await Sbatch(script, "-N2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(Assert.Single(_workspace.Captures("batch")).QrunVariables);
        var steps = _workspace.Captures("step");
        Assert.Equal(2, steps.Count);
        Assert.All(steps, s => Assert.Empty(s.QrunVariables));
    }

    [Fact]
    public async Task SrunNamingOnlyAPrimitive_InsideABatchJobWithABackend_UsesTheJobsBackend()
    {
        var script = _workspace.WriteScript("job.sh", $"""
            #!/bin/bash
            #SBATCH --q-backend=fake_cairo
            #SBATCH --q-primitive=sampler
            srun --q-primitive=estimator {_workspace.CaptureScript} step
            """);

        var result = await Sbatch(script);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(TestSite.ExpectedEnvironment("fake_cairo", "estimator"), Assert.Single(_workspace.Captures("step")).QrunVariables);
    }

    private Task<CommandResult> Sbatch(string script, params string[] options) =>
        Shell.RunAsync("sbatch", ["--wait", $"--output={_workspace.PathOf("slurm-%A_%a.out")}", .. options, script]);
}
