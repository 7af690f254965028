using SpankQrun.Qrun.Tests.Infrastructure;
using Xunit;

namespace SpankQrun.Qrun.Tests.EndToEnd;

/// <summary>One execution lane, held by a long job: a second qrun is refused (429, code 1232) and gives up after retries.</summary>
public sealed class LanesFullTests(SlowEmulatorServices services) : IClassFixture<SlowEmulatorServices>
{
    [Fact]
    public async Task SecondJob_WhileOnlyLaneIsHeld_ExitsServiceUnavailableWithLanesFullCode()
    {
        using var scratch = new ScratchDirectory();
        var input = scratch.Write("bell.json", DemoInputs.SmallSampler);
        using var holderCancellation = new CancellationTokenSource();
        var holderError = new SynchronizedStringWriter();
        var holder = QrunApp.RunAsync(
            [input],
            InProcessQrun.Host(services.Environment(SlowEmulatorServices.SlowBackend, "sampler")),
            TextWriter.Null,
            holderError,
            holderCancellation.Token);
        await WaitForAsync(() => holderError.ToString().Contains("submitted job", StringComparison.Ordinal), holderError);

        var second = await InProcessQrun.RunAsync(services.Environment("fake_lagos", "sampler"), input);

        await holderCancellation.CancelAsync();
        var holderExit = await holder;
        Assert.True(second.ExitCode == 5, second.ToString());
        Assert.Contains("1232", second.Error, StringComparison.Ordinal);
        Assert.Contains("retry", second.Error, StringComparison.Ordinal);
        Assert.Equal(130, holderExit);
        Assert.Empty(await EmulatorJobs.ListAsync(services.Emulator));
        Assert.Empty(await services.BucketKeysAsync());
    }

    private static async Task WaitForAsync(Func<bool> condition, SynchronizedStringWriter log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out; stderr so far:\n{log}");
            await Task.Delay(50);
        }
    }
}
