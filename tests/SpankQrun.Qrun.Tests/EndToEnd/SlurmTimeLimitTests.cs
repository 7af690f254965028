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
}
