using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests.Infrastructure;

/// <summary>
/// The cluster's accounting setup (scripts/slurm-cluster.sh up --accounting --licenses ... --job-submit
/// etc/job_submit.lua): slurmdbd, the remote licenses NAME@qrun, the shipped job_submit.lua.
/// </summary>
public static class QpuLicenses
{
    public const string Server = "qrun";

    /// <summary>The backends scripts/test.sh registers a license for.</summary>
    public const string Backend = "fake_cairo";

    public const string OtherBackend = "fake_brisbane";

    public static string LicenseOf(string backend) => $"{backend}@{Server}";

    /// <summary>Fails with the command to run when the cluster was brought up without accounting or licenses.</summary>
    public static async Task RequireAsync()
    {
        var config = (await Shell.RunAsync("scontrol", ["show", "config"])).Stdout;
        var licenses = (await Shell.RunAsync("scontrol", ["show", "lic", "-o"])).Stdout;
        if (!config.Contains("accounting_storage/slurmdbd", StringComparison.Ordinal)
            || !System.Text.RegularExpressions.Regex.IsMatch(config, @"JobSubmitPlugins\s*=\s*lua")
            || !licenses.Contains($"LicenseName={LicenseOf(Backend)} ", StringComparison.Ordinal)
            || !licenses.Contains($"LicenseName={LicenseOf(OtherBackend)} ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                "these tests need the cluster with accounting, QPU licenses and the shipped job_submit.lua: "
                + "scripts/slurm-cluster.sh up --no-plugin --accounting --licenses fake_brisbane:5,fake_cairo:5 --job-submit etc/job_submit.lua"
                + $"\n{licenses}");
        }
    }

    /// <summary>What LicenseSync does when the service's lanes change: slurmctld learns it at once.</summary>
    public static async Task SetCountAsync(string backend, int count)
    {
        var result = await Shell.RunAsync("sacctmgr", ["-i", "modify", "resource", $"name={backend}", $"server={Server}", "set", $"count={count}"]);
        if (result.ExitCode != 0)
            throw new InvalidOperationException(result.ToString());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!(await Shell.RunAsync("scontrol", ["show", "lic", "-o", LicenseOf(backend)])).Stdout.Contains($"Total={count} ", StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"slurmctld did not learn count {count} of {LicenseOf(backend)} within 20 s");
            await Task.Delay(200);
        }
    }

    /// <summary>State and reason of a job in squeue ("PENDING Licenses"), or "" once it left the queue.</summary>
    public static async Task<string> StateAndReasonAsync(string jobId) =>
        (await Shell.RunAsync("squeue", ["-h", "-j", jobId, "-o", "%T %r"])).Stdout.Trim();

    /// <summary>One field of `scontrol show job -o`, e.g. Licenses or AdminComment.</summary>
    public static async Task<string?> JobFieldAsync(string jobId, string field)
    {
        var line = (await Shell.RunAsync("scontrol", ["show", "job", "-o", jobId])).Stdout;
        var token = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(t => t.StartsWith(field + "=", StringComparison.Ordinal));
        return token?[(field.Length + 1)..];
    }

    /// <summary>sacct's allocation line of a job, parsable, with the given fields.</summary>
    public static async Task<string[]> SacctAsync(string jobId, string fields)
    {
        var result = await Shell.RunAsync("sacct", ["-X", "-n", "-P", "-j", jobId, "-o", fields]);
        return result.Stdout.Trim().Split('\n').Last().Split('|');
    }

    /// <summary>Waits until slurmdbd has the job's end (sacct shows a final state).</summary>
    public static async Task<string[]> WaitForFinalRecordAsync(string jobId, string fields, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var state = (await SacctAsync(jobId, "State"))[0];
            if (state.Length > 0 && state is not ("PENDING" or "RUNNING" or "COMPLETING" or "REQUEUED"))
                return await SacctAsync(jobId, fields);
            if (DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"sacct still shows job {jobId} as '{state}' after {timeout.TotalSeconds} s");
            await Task.Delay(500);
        }
    }
}
