using System.Runtime.Versioning;
using SpankQrun.Qrun.Tests.Infrastructure;
using Xunit;

namespace SpankQrun.Qrun.Tests.EndToEnd;

/// <summary>Inside a Slurm job, timeout_secs is the job's time left as squeue reports it plus the grace that lets SIGTERM come first.</summary>
[SupportedOSPlatform("linux")]
public sealed class SlurmTimeLimitTests(QrunServices services) : IClassFixture<QrunServices>
{
    [Fact]
    public async Task InSlurmJob_TimeoutIsTheTimeLeftFromSqueuePlusGrace()
    {
        using var scratch = new ScratchDirectory();
        var input = scratch.Write("bell.json", DemoInputs.SmallSampler);
        var bin = Directory.CreateDirectory(Path.Combine(scratch.Path, "bin")).FullName;
        var squeue = Path.Combine(bin, "squeue");
        // A stand-in squeue that checks it was asked about our job for %L.
        File.WriteAllText(squeue, "#!/bin/sh\n[ \"$*\" = \"-h -j 4242 -o %L\" ] && echo '1:02:03' || exit 1\n");
        File.SetUnixFileMode(squeue, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        var environment = services.Environment("fake_lagos", "sampler");
        environment["SLURM_JOB_ID"] = "4242";
        environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");

        using var qrun = QrunChildProcess.Start(environment, input);
        var result = await qrun.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("timeout 3843 s = Slurm time left + 120 s grace", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowSqueue_TheUploadDoesNotWaitForIt_AndItsAnswerStillSetsTheTimeout()
    {
        using var scratch = new ScratchDirectory();
        var input = scratch.Write("bell.json", DemoInputs.SmallSampler);
        var sawUploadWhileAsking = false;
        // Answers only once the input is in the bucket: a qrun that asked Slurm before uploading would wait 10 s here.
        var host = InProcessQrun.Host(services.Environment("fake_lagos", "sampler")) with
        {
            TimeLeft = async (_, _, cancellationToken) =>
            {
                sawUploadWhileAsking = await InputUploadedWithinAsync(TimeSpan.FromSeconds(10), cancellationToken);
                return TimeSpan.FromSeconds(600);
            },
        };

        var result = await InProcessQrun.RunAsync(host, CancellationToken.None, input);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(sawUploadWhileAsking, "the input was uploaded only after the time left was known");
        Assert.Contains("timeout 720 s = Slurm time left + 120 s grace", result.Error, StringComparison.Ordinal);
        Assert.Empty(await services.BucketKeysAsync());
    }

    [Fact]
    public async Task InterruptedWhileSqueueAnswers_ExitsAsInterrupted_AndTheUploadedInputIsDeleted()
    {
        using var scratch = new ScratchDirectory();
        var input = scratch.Write("bell.json", DemoInputs.SmallSampler);
        using var interrupt = new CancellationTokenSource();
        var host = InProcessQrun.Host(services.Environment("fake_lagos", "sampler")) with
        {
            TimeLeft = async (_, _, cancellationToken) =>
            {
                await InputUploadedWithinAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
                await interrupt.CancelAsync();
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return null;
            },
        };

        var result = await InProcessQrun.RunAsync(host, interrupt.Token, input);

        Assert.Equal(ExitCodes.InterruptedBySigint, result.ExitCode);
        Assert.DoesNotContain("submitted job", result.Error, StringComparison.Ordinal);
        Assert.Empty(await services.BucketKeysAsync());
    }

    private async Task<bool> InputUploadedWithinAsync(TimeSpan bound, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + bound;
        while (DateTime.UtcNow < deadline)
        {
            if ((await services.BucketKeysAsync()).Any(key => key.StartsWith("input_", StringComparison.Ordinal)))
                return true;
            await Task.Delay(20, cancellationToken);
        }

        return false;
    }
}
