using System.Globalization;
using SpankQrun.TestSupport;

namespace SpankQrun.Gateway.Tests.Infrastructure;

/// <summary>
/// Real Slurm jobs for the tests, submitted as a non-root user; the backend binding is written to AdminComment as
/// root, as the site's job_submit.lua does at submit time. Callers hold /tmp/spank-qrun-cluster.lock.
/// </summary>
public static class SlurmJobs
{
    public static async Task<string> SubmitRunningAsync(string user, string? backend, string timeLimit = "10")
    {
        var submit = await Shell.RunAsync("runuser", ["-u", user, "--", "sbatch", "--parsable", "-D", "/tmp", "-t", timeLimit, "-o", "/dev/null", "--wrap", "sleep 600"]);
        Assert.True(submit.ExitCode == 0, submit.ToString());
        var id = submit.Stdout.Trim().Split(';')[0];
        if (backend is not null)
        {
            var update = await Shell.RunAsync("scontrol", ["update", $"job={id}", $"AdminComment={{\"qrun\":{{\"backend\":\"{backend}\"}}}}"]);
            Assert.True(update.ExitCode == 0, update.ToString());
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await StateAsync(id) != "RUNNING")
        {
            Assert.True(DateTime.UtcNow < deadline, $"Slurm job {id} did not start");
            await Task.Delay(250);
        }

        return id;
    }

    public static async Task<string> StateAsync(string id) =>
        (await Shell.RunAsync("squeue", ["-h", "-j", id, "-o", "%T"])).Stdout.Trim();

    public static async Task CancelAsync(string id)
    {
        var result = await Shell.RunAsync("scancel", [id]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    public static async Task CancelAllOfTestUsersAsync()
    {
        await Shell.RunAsync("scancel", ["-u", "qrunuser"]);
        await Shell.RunAsync("scancel", ["-u", "qrunuser2"]);
    }

    public static string Text(uint value) => value.ToString(CultureInfo.InvariantCulture);
}
