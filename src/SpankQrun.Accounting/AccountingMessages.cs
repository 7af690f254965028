using System.Globalization;

namespace SpankQrun.Accounting;

/// <summary>Every message of the license synchronizer and the usage writer, in one place. None holds a secret.</summary>
internal static class AccountingMessages
{
    public static string CommandNotStarted(string program, string reason) => $"could not start {program}: {reason}";

    public static string CommandTimedOut(string program, TimeSpan timeout) =>
        Invariant($"{program} did not finish within {timeout.TotalSeconds:0} s and was killed");

    public static string LicenseDescription(string backend, string why) => $"qrun: {backend} {why}";

    public static string Available(int lanes) => Invariant($"online, {lanes} lane(s) for HPC workload managers");

    public static string Unavailable(string status, bool locked, int? lanes, string? message) =>
        (locked ? "locked by a reservation" : status == "online" ? Invariant($"online but with {lanes?.ToString(CultureInfo.InvariantCulture) ?? "no"} lanes for HPC workload managers") : status)
        + (string.IsNullOrWhiteSpace(message) ? string.Empty : $" ({message})")
        + ": its jobs wait in the queue";

    public static string Unreachable(int failures) => Invariant($"unreachable ({failures} checks in a row failed): its jobs wait in the queue");

    public static string LicenseChanged(string license, int from, int to, string why) =>
        Invariant($"license {license}: count {from} -> {to} ({why})");

    public static string LicenseMissing(string license) =>
        $"license {license} is not known to Slurm; register it: sacctmgr -i add resource name=... server=... count=N cluster=CLUSTER percentallowed=100 type=license (slurmdbd), or Licenses=NAME:N in slurm.conf (local)";

    public static string LocalCountDiffers(string license, int count, string why) =>
        Invariant($"local license {license}: the service gives {count} ({why}); slurm.conf says otherwise: set Licenses={license}:{count} there and run scontrol reconfigure (remote licenses in slurmdbd follow by themselves)");

    public static string BackendCheckFailed(string backend, string reason) => $"could not read the state of backend {backend}: {reason}";

    public static string SacctmgrFailed(string what, string result) => $"sacctmgr {what} failed: {result}";

    public static string ScontrolFailed(string what, string result) => $"scontrol {what} failed: {result}";

    public static string LicensesHeld(string license, string why) => $"license {license}: held by reservation ({why})";

    public static string LicensesReleased(string license, string why) => $"license {license}: hold released ({why})";

    public static string AdminCommentWritten(string jobId, int jobs, long nanoseconds) =>
        Invariant($"Slurm job {jobId}: usage written to AdminComment ({jobs} Direct Access job(s), {nanoseconds} quantum ns)");

    public static string AdminCommentFailed(string jobId, string result) => $"could not write the usage of Slurm job {jobId} to its AdminComment: {result}";

    public static string AdminCommentDeferred(string jobId, string result) =>
        $"Slurm job {jobId}: AdminComment not updated through slurmctld ({result}); it is written once the job's end is seen";

    public static string SlurmdbBadJobId(string jobId) => $"not a Slurm job id: '{jobId}'";

    public static string SlurmdbFailed(string what, string error) => $"slurmdb: {what} failed: {error}";

    public static string SlurmdbNothingModified(string jobId, string cluster) =>
        $"slurmdbd modified nothing: no job {jobId} of cluster {cluster} in its database, or this user may not modify it (root, SlurmUser or a Slurm administrator may)";

    public static string SlurmdbWritten(string jobId) => $"slurmdb: AdminComment of job {jobId} written";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
