using System.Globalization;
using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

/// <summary>The .NET runtime inside Slurm's processes leaves no trace the job can see.</summary>
[Collection(SlurmCollection.Name)]
public sealed class ProcessHygieneTests : IDisposable
{
    private const ulong SigpipeBit = 1UL << (13 - 1);

    private readonly JobWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Task_SigpipeDisposition_IsTheSameWithAndWithoutTheOptions()
    {
        var without = await Shell.RunAsync("srun", ["-N1", "grep", "SigIgn", "/proc/self/status"]);
        var with = await Shell.RunAsync("srun", ["-N1", "--q-backend=fake_brisbane", "--q-primitive=sampler", "grep", "SigIgn", "/proc/self/status"]);

        Assert.True(with.ExitCode == 0, with.ToString());
        Assert.Equal(IgnoredSignals(without.Stdout), IgnoredSignals(with.Stdout));
        Assert.Equal(0UL, IgnoredSignals(with.Stdout) & SigpipeBit);
    }

    // Valid values never start the runtime in salloc today; this guards the command salloc runs should that change.
    [Fact]
    public async Task SallocCommand_SigpipeDisposition_IsTheSameWithAndWithoutTheOptions()
    {
        var without = await Shell.RunAsync("salloc", ["-N1", "grep", "SigIgn", "/proc/self/status"]);
        var with = await Shell.RunAsync("salloc", ["-N1", "--q-backend=fake_brisbane", "--q-primitive=sampler", "grep", "SigIgn", "/proc/self/status"]);

        Assert.True(with.ExitCode == 0, with.ToString());
        Assert.Equal(IgnoredSignals(without.Stdout), IgnoredSignals(with.Stdout));
        Assert.Equal(0UL, IgnoredSignals(with.Stdout) & SigpipeBit);
    }

    [Fact]
    public async Task SubmissionUnderAddressSpaceLimit_WorksAndTasksGetTheEnvironment()
    {
        var output = _workspace.PathOf("out");
        var result = await Shell.BashAsync(
            $"ulimit -v 1000000 && sbatch --wait --output={output} --q-backend=fake_brisbane --q-primitive=sampler --wrap '{_workspace.CaptureScript} batch' " +
            $"&& srun -N1 --q-backend=fake_brisbane --q-primitive=sampler {_workspace.CaptureScript} step");

        Assert.True(result.ExitCode == 0, result + File.ReadAllText(output));
        Assert.Equal(TestSite.ExpectedEnvironment("fake_brisbane", "sampler"), Assert.Single(_workspace.Captures("batch")).QrunVariables);
        Assert.Equal(TestSite.ExpectedEnvironment("fake_brisbane", "sampler"), Assert.Single(_workspace.Captures("step")).QrunVariables);
    }

    [Fact]
    public async Task RefusalUnderAddressSpaceLimit_StartsTheRuntimeAndRefusesCleanly()
    {
        // An invalid value is the one case where sbatch starts the .NET runtime: it must fit under the limit.
        var result = await Shell.BashAsync("ulimit -v 1000000 && sbatch --q-backend='bad name' --wrap true");

        Assert.True(result.ExitCode == 255, result.ToString());
        Assert.Contains("spank_ibm_qrun: --q-backend='bad name' has the character U+0020 at position 4", result.Stderr);
    }

    [Fact]
    public async Task RuntimeThreads_NeverAppearInSrunOrSlurmstepd_WithOrWithoutValidOptions()
    {
        // While a step sleeps, look at the threads of its srun and of every slurmstepd: a runtime thread
        // (".NET ...") would show that managed code ran in that process. Valid values are accepted by the
        // glue alone; only the forked task child, which execs right after, starts a runtime. (The runtime's
        // finalizer thread is named ".NET Finalizer"; the stub-host tests show a refusal starting it.)
        var without = await ThreadNamesDuringStepAsync([]);
        var with = await ThreadNamesDuringStepAsync(["--q-backend=fake_brisbane", "--q-primitive=sampler"]);

        Assert.NotEmpty(with.Srun);
        Assert.NotEmpty(with.Stepd);
        Assert.DoesNotContain(without.Srun, IsRuntimeThread);
        Assert.DoesNotContain(without.Stepd, IsRuntimeThread);
        Assert.DoesNotContain(with.Srun, IsRuntimeThread);
        Assert.DoesNotContain(with.Stepd, IsRuntimeThread);
    }

    private static bool IsRuntimeThread(string name) => name.Contains(".NET", StringComparison.Ordinal);

    private async Task<(string[] Srun, string[] Stepd)> ThreadNamesDuringStepAsync(string[] options)
    {
        var marker = _workspace.PathOf($"started-{options.Length}");
        var script = $$"""
            srun -N1 {{string.Join(' ', options)}} bash -c 'touch {{marker}}; sleep 4' &
            srun_pid=$!
            for i in $(seq 100); do [ -e {{marker}} ] && break; sleep 0.1; done
            echo "SRUN $(cat /proc/$srun_pid/task/*/comm | tr '\n' '|')"
            for p in $(pgrep -x slurmstepd); do echo "STEPD $(cat /proc/$p/task/*/comm 2>/dev/null | tr '\n' '|')"; done
            wait
            """;
        var result = await Shell.BashAsync(script);
        Assert.True(result.ExitCode == 0, result.ToString());
        string[] Names(string prefix) =>
            [.. result.Stdout.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).SelectMany(l => l[prefix.Length..].Split('|', StringSplitOptions.RemoveEmptyEntries))];
        return (Names("SRUN "), Names("STEPD "));
    }

    private static ulong IgnoredSignals(string statusLine) =>
        ulong.Parse(statusLine.Split(':')[1].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
