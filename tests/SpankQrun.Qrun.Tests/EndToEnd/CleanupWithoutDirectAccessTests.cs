using System.Diagnostics;
using SpankQrun.Qrun.Tests.Infrastructure;
using SpankQrun.TestSupport;
using Xunit;

namespace SpankQrun.Qrun.Tests.EndToEnd;

/// <summary>
/// Direct Access goes away while a job runs and qrun then gets SIGTERM (scancel): the S3 cleanup has its own budget,
/// so the job's objects are still deleted, the whole cleanup ends within Slurm's default KillWait (30 s), and the
/// messages say only what happened: the job could not be removed, nothing about objects or a cancellation; with S3
/// hung too, log copy and deletes share one S3 budget, so the cleanup still ends within KillWait. A real qrun
/// process (default retries and bounds), a real emulator and s3rver, fresh for each test since they are stopped.
/// </summary>
public sealed class CleanupWithoutDirectAccessTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SlurmKillWait = TimeSpan.FromSeconds(30);

    private readonly SlowEmulatorServices services = new();

    public Task InitializeAsync() => services.InitializeAsync();

    public Task DisposeAsync() => services.DisposeAsync();

    [Fact]
    public async Task EmulatorKilled_Sigterm_DeletesTheObjectsAndSaysTheJobCouldNotBeRemoved()
    {
        var (result, id, cleanup) = await RunStopServiceAndSignalAsync(() => services.Emulator.StopAsync());

        Assert.True(result.ExitCode == 143, result.ToString());
        // Refused connections are retried with backoff until the Direct Access budget (15 s) runs out.
        Assert.True(result.Error.Contains("connection refused; retry 1 of 6", StringComparison.Ordinal), result.ToString());
        Assert.True(result.Error.Contains($"gave up removing job {id} after 15 s", StringComparison.Ordinal), result.ToString());
        AssertOnlyWhatHappened(result, id);
        Assert.True(cleanup < SlurmKillWait, $"the cleanup took {cleanup}");
        Assert.Empty(await services.BucketKeysAsync());
    }

    [Fact]
    public async Task EmulatorHanging_Sigterm_DeletesTheObjectsWithinKillWaitAndSaysTheJobCouldNotBeRemoved()
    {
        // SIGSTOP: the kernel still accepts connections, nothing answers (a hung service, the worst case for a budget).
        var pid = services.Emulator.ProcessId ?? throw new InvalidOperationException("the emulator is not running");
        try
        {
            var (result, id, cleanup) = await RunStopServiceAndSignalAsync(() => SignalAsync(pid, "STOP"));

            Assert.True(result.ExitCode == 143, result.ToString());
            Assert.True(result.Error.Contains($"gave up removing job {id} after 15 s", StringComparison.Ordinal), result.ToString());
            AssertOnlyWhatHappened(result, id);
            Assert.True(cleanup < SlurmKillWait, $"the cleanup took {cleanup}");
            Assert.Empty(await services.BucketKeysAsync());
        }
        finally
        {
            await SignalAsync(pid, "CONT");
        }
    }

    [Fact]
    public async Task EmulatorKilledAndS3Hanging_Sigterm_CleanupEndsWithinKillWaitAndSaysWhatIsLeft()
    {
        var s3 = services.S3.ProcessId;
        try
        {
            var (result, id, cleanup) = await RunStopServiceAndSignalAsync(async () =>
            {
                await services.Emulator.StopAsync();
                await SignalAsync(s3, "STOP");
            });

            Assert.True(result.ExitCode == 143, result.ToString());
            Assert.True(result.Error.Contains($"gave up removing job {id} after 15 s", StringComparison.Ordinal), result.ToString());
            Assert.True(result.Error.Contains($"could not delete input_{id}.json", StringComparison.Ordinal), result.ToString());
            Assert.True(result.Error.Contains($"in bucket {QrunServices.Bucket}: no answer within 8 s", StringComparison.Ordinal), result.ToString());
            Assert.True(cleanup < SlurmKillWait, $"the cleanup took {cleanup}; stderr:\n{result.Error}");
            await SignalAsync(s3, "CONT");
            // What the message says is left is what is left.
            Assert.Contains($"input_{id}.json", await services.BucketKeysAsync());
        }
        finally
        {
            await SignalAsync(s3, "CONT");
        }
    }

    private static void AssertOnlyWhatHappened(QrunResult result, string id)
    {
        Assert.True(
            result.Error.Contains($"stopped by SIGTERM: job {id} could not be removed from the service (see above); exit code 143", StringComparison.Ordinal),
            result.ToString());
        // The objects were deleted: no line says otherwise. Nothing was cancelled and no service log exists.
        Assert.DoesNotContain("could not delete", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("in bucket", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("asked the service to cancel", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("cancelled and removed", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("service log", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    private async Task<(QrunResult Result, string Id, TimeSpan Cleanup)> RunStopServiceAndSignalAsync(Func<Task> stopService)
    {
        using var scratch = new ScratchDirectory();
        var input = scratch.Write("bell.json", DemoInputs.SmallSampler);
        using var qrun = QrunChildProcess.Start(services.Environment(SlowEmulatorServices.SlowBackend, "sampler", AuthMode.Iam), input);
        await qrun.WaitForErrorAsync(" is Running", Patience);
        var id = EmulatorJobs.SubmittedId(qrun.Error);
        Assert.Contains($"input_{id}.json", await services.BucketKeysAsync());

        await stopService();
        var signalled = Stopwatch.StartNew();
        await qrun.SignalAsync("TERM");
        var result = await qrun.WaitForExitAsync(Patience);
        return (result, id, signalled.Elapsed);
    }

    private static async Task SignalAsync(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }
}
