using System.Text.RegularExpressions;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests.Infrastructure;

/// <summary>Submitting batch jobs as a non-root user, with the qrun that `make` built first on the job's PATH.</summary>
public static partial class UserJobs
{
    public const string FirstUser = "qrunuser";

    /// <summary>sbatch as <paramref name="user"/> in <paramref name="workspace"/>; output in OUTPUT (default slurm.out).</summary>
    public static Task<CommandResult> SbatchAsync(string user, JobWorkspace workspace, string script, bool wait, string output = "slurm.out", params string[] options) =>
        Shell.RunAsync("runuser",
            ["-u", user, "--", "env", $"PATH={Path.Combine(RepositoryPaths.Root, "build")}:/usr/local/bin:/usr/bin:/bin", "sbatch",
             .. wait ? ["--wait"] : Array.Empty<string>(), .. options,
             $"--chdir={workspace.Directory}", $"--output={workspace.PathOf(output)}", script],
            TimeSpan.FromMinutes(6));

    /// <summary>Waits until the Slurm job is neither queued nor running.</summary>
    public static async Task WaitUntilEndedAsync(string jobId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while ((await Shell.RunAsync("squeue", ["-h", "-j", jobId])).Stdout.Trim().Length > 0)
        {
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"Slurm job {jobId} is still queued or running after {timeout.TotalSeconds} s");
            await Task.Delay(500);
        }
    }

    /// <summary>Waits until <paramref name="file"/> holds qrun's "submitted job ID" line and returns the id.</summary>
    public static async Task<string> WaitForSubmittedAsync(string file, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (File.Exists(file) && SubmittedLine().Match(File.ReadAllText(file)) is { Success: true } match)
                return match.Groups["id"].Value;
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"no \"submitted job\" line in {file} after {timeout.TotalSeconds} s:\n{(File.Exists(file) ? File.ReadAllText(file) : "(no file)")}");
            await Task.Delay(250);
        }
    }

    /// <summary>The state Slurm records for the job, e.g. COMPLETED, CANCELLED, TIMEOUT, NODE_FAIL.</summary>
    public static async Task<string> StateAsync(string jobId) =>
        JobState().Match((await Shell.RunAsync("scontrol", ["show", "job", "-o", jobId])).Stdout) is { Success: true } m ? m.Groups[1].Value : "(unknown)";

    [GeneratedRegex("submitted job (?<id>[0-9A-Za-z-]{8,64}) ")]
    private static partial Regex SubmittedLine();

    [GeneratedRegex(@"JobState=(\S+)")]
    private static partial Regex JobState();
}
