using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

/// <summary>A bad option is refused by the submitting command itself, before anything is queued.</summary>
[Collection(SlurmCollection.Name)]
public sealed class SubmitRefusalTests : IDisposable
{
    private const int RefusedExitCode = 255;

    private readonly JobWorkspace _workspace = new();

    public static TheoryData<string, string[], string> Cases()
    {
        var data = new TheoryData<string, string[], string>();
        foreach (var command in new[] { "sbatch", "salloc", "srun" })
        {
            data.Add(command, ["--q-backend=fake_brisbane", "--q-primitive=sampling"],
                "spank_ibm_qrun: --q-primitive='sampling' is not a Qiskit primitive; use --q-primitive=sampler or --q-primitive=estimator");
            data.Add(command, ["--q-backend=", "--q-primitive=sampler"],
                "spank_ibm_qrun: --q-backend needs a backend name");
            data.Add(command, ["--q-backend=ibm/torino", "--q-primitive=sampler"],
                "spank_ibm_qrun: --q-backend='ibm/torino' has the character '/' at position 4; a backend name may contain only letters, digits, '_', '-' and '.'");
            data.Add(command, [$"--q-backend={new string('q', 129)}"],
                "is 129 characters long; a backend name has at most 128");
            data.Add(command, ["--q-primitive=estimator"],
                "spank_ibm_qrun: --q-primitive='estimator' also needs --q-backend=NAME, e.g. --q-backend=ibm_torino");
        }

        return data;
    }

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadOption_IsRefusedByTheCommandWithAMessageNamingOptionValueAndWhatIsAllowed(string command, string[] options, string message)
    {
        var jobName = "refused-" + Guid.NewGuid().ToString("N");
        var marker = _workspace.PathOf("ran");
        string[] arguments = command == "sbatch"
            ? [.. options, $"--job-name={jobName}", $"--output={_workspace.PathOf("out")}", "--wrap", $"touch {marker}"]
            : [.. options, $"--job-name={jobName}", "touch", marker];

        var result = await Shell.RunAsync(command, arguments);

        Assert.True(result.ExitCode == RefusedExitCode, result.ToString());
        Assert.Contains($"{command}: error: ", result.Stderr);
        Assert.Contains(message, result.Stderr);
        Assert.DoesNotContain("Submitted batch job", result.Stdout);
        Assert.DoesNotContain("Granted job allocation", result.Stderr);
        Assert.False(File.Exists(marker), "the command ran although the option was refused");
        // slurmctld lists every job it was given, running or finished (for MinJobAge): none has this name.
        var jobs = await Shell.RunAsync("scontrol", ["-o", "show", "jobs"]);
        Assert.DoesNotContain($"JobName={jobName}", jobs.Stdout);
    }
}
