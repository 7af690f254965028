using SpankQrun.Qrun.Tests.Infrastructure;
using Xunit;

namespace SpankQrun.Qrun.Tests.EndToEnd;

/// <summary>One qrun, one Direct Access job: a task of a multi-task step refuses before it submits anything.</summary>
public sealed class SeveralTasksStepTests(QrunServices services) : IClassFixture<QrunServices>
{
    [Theory]
    [InlineData("3")]
    [InlineData("2")]
    public async Task StepOfSeveralTasks_IsRefusedNamingTheFix_AndSubmitsNothing(string tasks)
    {
        using var scratch = new ScratchDirectory();
        var environment = services.Environment("fake_lagos", "sampler");
        environment["SLURM_STEP_NUM_TASKS"] = tasks;
        var before = await EmulatorJobs.ListAsync(services.Emulator);

        var result = await InProcessQrun.RunAsync(environment, DemoInputs.Sampler, "--results", scratch.FilePath("out.json"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"this Slurm step runs {tasks} tasks", result.Error, StringComparison.Ordinal);
        Assert.Contains("srun -n 1 qrun", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("submitted job", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(scratch.FilePath("out.json")));
        Assert.Equal(before.Count, (await EmulatorJobs.ListAsync(services.Emulator)).Count);
        Assert.Empty(await services.BucketKeysAsync());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("")]
    [InlineData("not-a-number")]
    public async Task StepOfOneTask_OrNoStep_Runs(string tasks)
    {
        using var scratch = new ScratchDirectory();
        var environment = services.Environment("fake_lagos", "sampler");
        environment["SLURM_STEP_NUM_TASKS"] = tasks;

        var result = await InProcessQrun.RunAsync(environment, scratch.Write("input.json", DemoInputs.SmallSampler), "--results", scratch.FilePath("out.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(scratch.FilePath("out.json")));
    }
}
