using System.Globalization;
using SpankQrun.Gateway.Jobs;

namespace SpankQrun.Gateway;

/// <summary>Every message the gateway writes. None contains a secret, a credential or a presigned URL.</summary>
internal static class GatewayMessages
{
    // Command line.
    public const string RootHelp = "qrun-gateway: holds the site's Direct Access and S3 credentials and acts for Slurm jobs (see docs/gateway.md)";
    public const string ConfigOptionHelp = "The configuration file (root-owned, mode 0600 or 0400, not a symbolic link)";
    public const string UsageHelp = "Print usage totals per user, account or backend over a period";
    public const string SinceHelp = "Only jobs created at or after this date/time (UTC unless it says otherwise)";
    public const string UntilHelp = "Only jobs created before this date/time";
    public const string ByHelp = "Group by user, account or backend";
    public const string FormatHelp = "table, csv or json";

    public static string DateInvalid(string option, string text) =>
        $"{option} '{Short(text)}' is not a date or date/time (for example 2026-12-01 or 2026-12-01T08:00:00Z)";

    // Configuration file.
    public static string ConfigNotAbsolute(string path) => $"the configuration file {path} must be named by an absolute path";

    public static string ConfigCannotRead(string path, string why) => $"the configuration file {path} cannot be read: {why}";

    public static string ConfigSymbolicLink(string path) =>
        $"the configuration file {path} is a symbolic link; name the file itself (a regular file owned by root, mode 0600 or 0400)";

    public static string ConfigNotRegular(string path) => $"the configuration file {path} is not a regular file";

    public static string ConfigNotOwnedByRoot(string path, uint uid) =>
        string.Create(CultureInfo.InvariantCulture, $"the configuration file {path} is owned by uid {uid}, not root; refusing it (chown root:root {path})");

    public static string ConfigAccessibleByOthers(string path, uint mode) =>
        $"the configuration file {path} has mode {Convert.ToString(mode & 0xFFF, 8).PadLeft(4, '0')}: it is readable or writable by group or others; refusing it (chmod 0600 {path})";

    public static string ConfigTooLarge(string path, int max) =>
        string.Create(CultureInfo.InvariantCulture, $"the configuration file {path} is larger than {max} bytes");

    public static string ConfigChangedWhileRead(string path) => $"the configuration file {path} was replaced while it was read; try again";

    public static string ConfigRefused(string path, IReadOnlyList<string> problems) =>
        $"the configuration file {path} cannot be used:\n  " + string.Join("\n  ", problems);

    public static string ConfigKeyInSection(string path, int line, string key) =>
        string.Create(CultureInfo.InvariantCulture, $"{path} line {line}: {key} is a gateway setting; write it before the first [backend] section");

    public static string ConfigKeyRepeated(string path, int line, string key, int first) =>
        string.Create(CultureInfo.InvariantCulture, $"{path} line {line}: {key} is set again (first on line {first})");

    public static string ConfigBackendsMissing(string path) =>
        $"{path}: backends= is missing: list the backends this gateway serves, comma separated (for example backends=fake_brisbane,ibm_fez)";

    public static string ConfigBackendInvalid(string path, int line, string name) =>
        string.Create(CultureInfo.InvariantCulture, $"{path} line {line}: backends= names '{Short(name)}', which is not a valid backend name");

    public static string ConfigUrlInvalid(string backend, string key) => $"backend {backend}: {key} is not an http:// or https:// URL";

    public static string ConfigNumberInvalid(string path, int line, string key, string value, long min, long max) =>
        string.Create(CultureInfo.InvariantCulture, $"{path} line {line}: {key}={Short(value)} is not a whole number from {min} to {max}");

    public static string ConfigChoiceInvalid(string path, int line, string key, string value, string allowed) =>
        string.Create(CultureInfo.InvariantCulture, $"{path} line {line}: {key}={Short(value)} is not one of: {allowed}");

    public static string ConfigPathNotAbsolute(string path, int line, string key) =>
        string.Create(CultureInfo.InvariantCulture, $"{path} line {line}: {key} must be an absolute path");

    public static string ConfigListenInvalid(string path, int line, string url) =>
        string.Create(CultureInfo.InvariantCulture, $"{path} line {line}: listen= '{Short(url)}' is not an http:// or https:// URL of the form http://HOST:PORT");

    public static string ConfigDatabaseInvalid(string path, int line) =>
        string.Create(CultureInfo.InvariantCulture, $"{path} line {line}: database= must be sqlite:/ABSOLUTE/PATH or postgresql:CONNECTION-STRING");

    // Database.
    public static string DatabaseUnusable(string database, string detail) => $"the gateway's database ({database}) cannot be used: {detail}";

    // Slurm.
    public static string SlurmCommandFailedToStart(string file, string why) => $"{file} could not be started: {why}";

    public static string SlurmCommandTimedOut(string file, TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"{file} did not answer within {timeout.TotalSeconds:0} s");

    public static string SlurmCommandFailed(string file, int exitCode, string error) =>
        string.Create(CultureInfo.InvariantCulture, $"{file} failed (exit {exitCode}): {error}");

    public static string SlurmOutputUnreadable(string file) => $"{file} printed something the gateway cannot read";

    public const string AdminCommentAmbiguous =
        "the job's AdminComment cannot be told apart from text the job's owner wrote (job name, command, directories or comment contain 'AdminComment=')";

    public static string SlurmUnavailable(string detail) => $"the gateway cannot ask Slurm about the job, so it serves nothing: {detail}";

    public const string SlurmUnavailableSolution = "Try again later; if it lasts, the administrator should check slurmctld and the gateway's log.";

    public static string SlurmJobUnknown(string id) => $"Slurm job {id} is not known to Slurm (ended, or never existed)";

    public static string SlurmJobOfOtherUser(string id, uint uid) =>
        string.Create(CultureInfo.InvariantCulture, $"Slurm job {id} does not belong to uid {uid}");

    public static string SlurmJobNotRunning(string id, string state) => $"Slurm job {id} is {Short(state)}, not RUNNING";

    public static string SlurmJobBindingUnreadable(string id, string problem) => $"Slurm job {id}: {problem}";

    public static string SlurmJobNotBound(string id) =>
        $"Slurm job {id} was not submitted with --q-backend (no backend is bound to it by the site's job_submit script)";

    public static string StepBackendNotAllowed(string id, string bound, string asked) =>
        $"Slurm job {id} was submitted for backend {bound}; --q-backend={Short(asked)} in a step is not allowed: submit a job with --q-backend={Short(asked)}";

    public const string NotAllowedSolution = "Run qrun inside the running Slurm job that was submitted with this --q-backend.";

    public static string SlurmJobEndedReason(string id) => $"Slurm job {id} is no longer running";

    // Authentication.
    public const string AuthMissing = "no Authorization header: the request carries no MUNGE credential";
    public const string AuthWrongScheme = "the Authorization header is not 'MUNGE <credential>'";

    public static string CredentialRefused(string status, string mungeMessage) => $"MUNGE credential refused: {status} ({mungeMessage})";

    public static string CredentialForOtherRequest(uint uid) =>
        string.Create(CultureInfo.InvariantCulture, $"MUNGE credential of uid {uid} was made for another request (its payload does not name this method and path)");

    public static string CredentialReplayedAcrossInstances(uint uid) =>
        string.Create(CultureInfo.InvariantCulture, $"MUNGE credential of uid {uid} was used before (replayed)");

    public static string MungeUnavailable(string detail) => $"the gateway cannot check MUNGE credentials: {detail}";

    public const string NotAuthenticatedSolution = "Make a new MUNGE credential for each request (qrun does); munged must run on this node.";

    // Requests.
    public const string InvalidRequestSolution = "Fix the request; qrun sends a valid one.";

    public static string FieldInvalid(string field, string allowed) => $"{field} is missing or invalid: expected {allowed}";

    public static string AdminCommentTooLong(int max) =>
        string.Create(CultureInfo.InvariantCulture, $"the AdminComment document on standard input is longer than {max} characters; nothing was written");

    public const string AdminCommentHelperRequestUnreadable = "the request is not 'JOBID DOCUMENT'; nothing was written";

    public static string AdminCommentHelperFailed(string what) =>
        $"the AdminComment helper ({AdminCommentHelperCommand.Name}) {what}; scontrol is used instead until it starts again";

    public static string AdminCommentHelperTimedOut(TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"slurmctld did not answer the AdminComment update within {timeout.TotalSeconds:0.#} s (slurm_timeout_secs)");

    public static string AdminCommentHelperSaid(string line) => $"AdminComment helper: {line}";

    public static string TimeoutOutOfRange(int timeout, int max) =>
        string.Create(CultureInfo.InvariantCulture, $"timeout_secs is {timeout}: expected 1 to {max} s, the gateway's max_timeout_secs");

    public const string TimeoutOutOfRangeSolution =
        "Run qrun with a smaller --timeout; administrators: give jobs IBMQRUN_MAX_TIMEOUT_SECS equal to the gateway's max_timeout_secs, so that qrun never asks for more.";

    public static string BackendNotOffered(string backend, IEnumerable<string> offered) =>
        $"backend '{backend}' is not served by this gateway; it serves: {string.Join(", ", offered)}";

    public static string BodyNotJson(string detail) => $"the request body is not the expected JSON: {detail}";

    public static string BodyTooLarge(int max) => string.Create(CultureInfo.InvariantCulture, $"the request body is larger than {max} bytes");

    public static string InputTooLarge(long bytes, long max) =>
        string.Create(CultureInfo.InvariantCulture, $"the input is {bytes} bytes; this gateway accepts at most {max}");

    public const string InputTooLargeSolution = "Split the work into smaller jobs, or ask the administrator to raise max_input_bytes.";

    public static string InlineInputTooLarge(long bytes, int max) =>
        string.Create(CultureInfo.InvariantCulture, $"the inline input is {bytes} bytes; at most {max} bytes go inline");

    public const string InlineInputTooLargeSolution = "Leave out input and id, and PUT the input to the input_upload_url the answer gives.";

    public static string InputBytesMismatch(long declared, long actual) =>
        string.Create(CultureInfo.InvariantCulture, $"input_bytes is {declared}, but the inline input is {actual} bytes");

    public const string IdWithoutInput = "id is given without input: a client chooses the job id only when it sends the input inline";

    public static string JobIdTaken(string id) => $"job id {id} is taken: a job was created with it before";

    public const string JobIdTakenSolution = "Read the job with GET if it is yours; otherwise choose a new random UUID.";

    public static string JobNotFound(string id) => $"job {Short(id)} not found";

    public const string JobNotFoundSolution = "Use an id returned to you by POST /gateway/v1/jobs.";

    public static string AlreadySubmitted(string id, string status) => $"job {id} is {status}: it can be submitted only once, after its input is uploaded";

    public const string AlreadySubmittedSolution = "Create a new job.";

    public static string InputNotUploaded(string id) => $"job {id}: its input has not been uploaded";

    public const string InputNotUploadedSolution = "PUT the input to input_upload_url first.";

    public static string StillStopping(string id) => $"job {id} is being cancelled and is not final yet";

    public const string StillStoppingSolution = "Try the delete again in a few seconds.";

    public const string RouteNotFound = "no such route";
    public const string RouteNotFoundSolution = "See docs/gateway.md for the gateway's routes.";

    // Direct Access and storage.
    public static string DirectAccessRefused(string detail) => $"Direct Access refused: {detail}";

    public const string DirectAccessRefusedSolution = "See the Direct Access code; a full lane queue (1232) clears as jobs end.";

    public static string DirectAccessUnreachable(string detail) => $"Direct Access could not be reached after retries: {detail}";

    public static string DirectAccessCredentialsRefused(string detail) => $"Direct Access refused the gateway's credentials: {detail}";

    public const string DirectAccessUnavailableSolution = "Try again later; the gateway retried and logged each attempt.";

    public static string StorageFailed(string detail) => $"the job storage (S3) failed: {detail}";

    public const string DirectAccessLostJob = "Direct Access no longer lists this job";

    public const string AdministratorSolution = "Tell the administrator: the gateway's log has the details.";

    private static string Short(string text)
    {
        var clean = new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return clean.Length > 64 ? clean[..64] + "..." : clean;
    }
}
