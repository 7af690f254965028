using SpankQrun.Qrun.Tests.Infrastructure;
using Xunit;

namespace SpankQrun.Qrun.Tests.EndToEnd;

/// <summary>
/// scancel and the Slurm time limit send SIGTERM: a real qrun process cancels its job, waits until it is final,
/// deletes it and its objects, and exits 143. Runs against a backend whose jobs take ten minutes.
/// </summary>
public sealed class SignalTests(SlowEmulatorServices services) : IClassFixture<SlowEmulatorServices>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Sigterm_MidJob_CancelsDeletesJobAndObjectsAndExits143()
    {
        var (result, id) = await RunAndSignalAsync("TERM");

        Assert.True(result.ExitCode == 143, result.ToString());
        Assert.Contains("received SIGTERM", result.Error, StringComparison.Ordinal);
        await AssertNothingLeftAsync(id);
    }

    [Fact]
    public async Task Sigint_MidJob_CleansUpAndExits130()
    {
        var (result, id) = await RunAndSignalAsync("INT");

        Assert.True(result.ExitCode == 130, result.ToString());
        await AssertNothingLeftAsync(id);
    }

    [Fact]
    public async Task SecondSigterm_DuringCleanup_DoesNotLeaveTheJobRunning()
    {
        var (result, id) = await RunAndSignalAsync("TERM", "TERM");

        Assert.True(result.ExitCode == 143, result.ToString());
        await AssertNothingLeftAsync(id);
    }

    [Fact]
    public async Task Sigterm_MidJob_NothingPrintedContainsASecret()
    {
        var (result, _) = await RunAndSignalAsync("TERM");

        SecretAssertions.ContainsNoSecret(result.Output + result.Error, EmulatorCredentials.IamApiKey, services.S3.SecretAccessKey);
        SecretAssertions.ContainsNoSecret(services.Emulator.Output, EmulatorCredentials.IamApiKey, services.S3.SecretAccessKey);
    }

    private async Task<(QrunResult Result, string Id)> RunAndSignalAsync(params string[] signals)
    {
        using var scratch = new ScratchDirectory();
        var input = scratch.Write("bell.json", DemoInputs.SmallSampler);
        using var qrun = QrunChildProcess.Start(services.Environment(SlowEmulatorServices.SlowBackend, "sampler", AuthMode.Iam), input);
        await qrun.WaitForErrorAsync(" is Running", Patience);

        foreach (var signal in signals)
        {
            await qrun.SignalAsync(signal);
            await Task.Delay(100);
        }

        var result = await qrun.WaitForExitAsync(Patience);
        return (result, EmulatorJobs.SubmittedId(result.Error));
    }

    private async Task AssertNothingLeftAsync(string id)
    {
        var job = await EmulatorJobs.FindAsync(services.Emulator, id);
        Assert.Null(job);
        Assert.Empty(await services.BucketKeysAsync());
    }
}
