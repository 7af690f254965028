using System.Globalization;
using SpankQrun.Variables;

namespace SpankQrun.Qrun.Gateway;

/// <summary>
/// qrun's messages that only gateway mode has. None may contain a MUNGE credential or a presigned URL's query
/// (every line also passes through the reporter's URL redaction).
/// </summary>
internal static class GatewayMessages
{
    public const string TimedOut = "timed out";

    public static string NotInSlurmJob() =>
        $"SLURM_JOB_ID is not set: with {IbmQrunVariables.Gateway} qrun runs only inside a Slurm job (the gateway serves Slurm jobs, not processes)";

    public static string Unreachable(string gateway, string method, string path, string reason) =>
        $"the qrun gateway at {gateway} is unreachable ({method} {path}: {reason}); nothing more can be done for this job now: ask your administrator whether qrun-gateway is running";

    public static string InvalidAnswer(string gateway, string method, string path, string reason) =>
        $"the qrun gateway at {gateway} gave an answer qrun cannot read ({method} {path}: {reason})";

    public static string NotAuthenticated(string gateway, string? reason) =>
        $"the qrun gateway at {gateway} did not accept qrun's MUNGE credential ({reason}); ask your administrator (munged must run on this node with the gateway's key)";

    public static string NotAllowed(string gateway, string? reason) => $"the qrun gateway at {gateway} refused: {reason}";

    public static string Refused(string gateway, string method, string path, int status, string? code, string? reason) =>
        string.Create(CultureInfo.InvariantCulture,
            $"the qrun gateway at {gateway} answered {method} {path} with {status}{(code is null ? string.Empty : $" (code {code})")}: {reason}");

    public static string MungeFailed(string reason) =>
        $"cannot make a MUNGE credential to prove who runs qrun: {reason}";

    public static string StorageUnreachable(string method, string url, string reason) =>
        $"the job's storage is unreachable ({method} {url}: {reason})";

    public static string StorageRefused(string method, string url, int status) =>
        string.Create(CultureInfo.InvariantCulture, $"the job's storage refused {method} {url} with {status} (the presigned URL may have expired)");

    public static string DownloadTooLarge(string url, long max) =>
        string.Create(CultureInfo.InvariantCulture, $"{url} is larger than {max} bytes; not downloaded");

    public static string UploadUrlMissing(string id) => $"the gateway created job {id} but gave neither an upload URL nor its status";

    public static string ResultsUrlMissing(string id) => $"job {id} completed but the gateway gave no results URL";

    public static string ResultsNotJson(string id, string reason) => $"the results of job {id} are not valid JSON: {reason}";

    public static string JobGone(string id) => $"job {id} is no longer known to the gateway; it was deleted by someone else";

    public static string HttpStatus(int status) => string.Create(CultureInfo.InvariantCulture, $"HTTP {status}");

    public static string Retrying(string method, string url, string what, int attempt, int attempts, TimeSpan delay) =>
        string.Create(CultureInfo.InvariantCulture, $"{method} {url}: {what}; retry {attempt} of {attempts} in {delay.TotalSeconds:0.0} s");
}
