using System.Globalization;
using SpankQrun.Variables;

namespace SpankQrun.Qrun;

/// <summary>Every message qrun shows a user, in one place. None may contain a token, key or presigned URL.</summary>
internal static class QrunMessages
{
    private const string SubmitHint = "qrun takes its backend, endpoints and credentials from the Slurm job: submit the job with --q-backend=NAME (and --q-primitive=sampler|estimator)";

    public static string CommandDescription { get; } =
        $"""
        Run a Qiskit primitive (a PUBs JSON file) as an IBM Direct Access job and print its results.

        Backend, primitive, endpoints, S3 bucket and credentials come from the environment that the spank-qrun
        plugin sets for jobs submitted with --q-backend and --q-primitive: {IbmQrunVariables.Backend}, {IbmQrunVariables.Primitive},
        {IbmQrunVariables.DaapiEndpoint}, {IbmQrunVariables.S3Endpoint}, {IbmQrunVariables.S3Bucket}, {IbmQrunVariables.S3Region},
        {IbmQrunVariables.AwsAccessKeyId}, {IbmQrunVariables.AwsSecretAccessKey}, and either {IbmQrunVariables.IamApiKey} +
        {IbmQrunVariables.ServiceCrn} + {IbmQrunVariables.IamEndpoint} or {IbmQrunVariables.AppIdClientId} + {IbmQrunVariables.AppIdSecret}.

        Exit codes:
          {ExitCodes.Completed}    the job completed; results written
          {ExitCodes.InternalError}    internal error
          {ExitCodes.UsageOrConfiguration}    usage, configuration or input error (also: credentials refused, unknown or reserved backend, --results not writable)
          {ExitCodes.JobFailed}    the job failed (reason printed)
          {ExitCodes.JobCancelled}    the job was cancelled by the service or an administrator
          {ExitCodes.ServiceUnavailable}    Direct Access or S3 unreachable or still failing after retries (incl. lanes full)
          {ExitCodes.InterruptedBySigint}  interrupted by SIGINT; {ExitCodes.InterruptedBySigterm} by SIGTERM (scancel, time limit): job cancelled and removed
        """;

    public const string InputArgumentHelp = "The PUBs input file (JSON, \"version\": 2).";

    public const string ResultsOptionHelp = "Write the results to FILE (atomically) instead of standard output.";

    public const string HttpTimeoutOptionHelp = "Timeout of each HTTP attempt, in seconds [default: 30].";

    public static string HttpTimeoutInvalid(double seconds) =>
        Invariant($"--http-timeout must be a number of seconds greater than 0 and at most 86400, found {seconds}");

    public static string VariableMissing(string name) => $"{name} is not set";

    public static string SubmitWithBackend() => $"{SubmitHint}.";

    public static string VariableNotUrl(string name, string value) =>
        $"{name} must be an absolute http:// or https:// URL, found \"{SpankQrun.DirectAccess.Http.UrlRedactor.Redact(value)}\"";

    public static string PrimitiveInvalid(string value) =>
        $"{IbmQrunVariables.Primitive} must be \"sampler\" or \"estimator\", found \"{value}\"";

    public static string CredentialsMissing() =>
        $"no credentials: set {IbmQrunVariables.IamApiKey} (with {IbmQrunVariables.ServiceCrn} and {IbmQrunVariables.IamEndpoint}) "
        + $"or {IbmQrunVariables.AppIdClientId} and {IbmQrunVariables.AppIdSecret}";

    public static string SqueueFailed(string jobId, string reason) =>
        $"could not read the time left of Slurm job {jobId} with squeue ({reason}); using timeout_secs={QrunHost.DefaultJobTimeoutSeconds}";

    public const string SqueueNotStarted = "could not start squeue";

    public static string SqueueAnswered(int exitCode, string? output) => Invariant($"exit code {exitCode}, output \"{output}\"");

    public static string InputUnreadable(string path, string reason) => $"cannot read input file {path}: {reason}";

    public static string InputInvalid(string path, string primitive, int count) =>
        $"input file {path} is not a valid {primitive} PUBs document ({count} problem{(count == 1 ? string.Empty : "s")}); nothing was submitted:";

    public static string InputProblem(string jsonPath, string message) => $"  {jsonPath}: {message}";

    public static string ResultsPathIsDirectory(string path) => $"--results {path} is a directory; expected a file path";

    public static string ResultsNotWritable(string path, string reason) => $"cannot write results file {path}: {reason}";

    public static string ResultsWritten(string path) => $"results written to {path}";

    public static string Submitted(string id, string backend, string primitive, long timeoutSeconds, bool fromSlurm) =>
        Invariant($"submitted job {id} ({primitive} on {backend}, timeout {timeoutSeconds} s{(fromSlurm ? " = Slurm time left" : string.Empty)})");

    public static string BackendReserved(string backend, string refusal) =>
        $"backend {backend} is reserved, so the service accepts no jobs for it now and nothing was run; "
        + $"submit the Slurm job again with another --q-backend, or after the reservation ends ({refusal})";

    public static string StatusChanged(string id, string status, TimeSpan elapsed) =>
        Invariant($"job {id} is {status} (after {elapsed.TotalSeconds:0.0} s)");

    public static string JobNotListed(string id) => $"job {id} is no longer listed by GET /v1/jobs; it was deleted by someone else";

    public static string ResultsMissing(string id, string bucket, string key) =>
        $"job {id} completed but {key} is not in bucket {bucket}";

    public static string ResultsNotJson(string id, string reason) => $"the results of job {id} are not valid JSON: {reason}";

    public static string JobFailed(string id, string? code, string? message, string? solution) =>
        $"job {id} failed: reason code {code ?? "(none)"}: {message ?? "(no message)"}"
        + (string.IsNullOrWhiteSpace(solution) ? string.Empty : $" (solution: {solution})");

    public static string JobCancelled(string id, string? reason) =>
        $"job {id} was cancelled by the service{(string.IsNullOrWhiteSpace(reason) ? string.Empty : $": {reason}")}";

    public static string ServiceLogFollows(string id) => $"service log of job {id}:";

    public static string LogUnavailable(string id, string reason) => $"the service log of job {id} is unavailable: {reason}";

    public static string SignalReceived(string signal) => $"received {signal}: cancelling the job and cleaning up";

    public static string SignalRepeated(string signal) => $"received {signal} again: still cleaning up, the job will not be left running";

    public static string Interrupted(string cause, int exitCode) =>
        Invariant($"stopped by {cause} after cleaning up; exit code {exitCode}");

    public static string CancelRequested(string id) => $"asked the service to cancel job {id}";

    public static string JobCleanupFailed(string id, string reason) => $"could not remove job {id} from the service: {reason}";

    public static string JobCleanupTimedOut(string id, TimeSpan bound) =>
        Invariant($"gave up removing job {id} after {bound.TotalSeconds:0} s; its timeout_secs still bounds it");

    public static string ObjectCleanupFailed(string reason) => $"could not delete an object: {reason}";

    public static string ObjectCleanupTimedOut(string bucket, string key) => $"gave up deleting {key} in bucket {bucket}";

    public static string StepHasSeveralTasks(int tasks) =>
        Invariant($"this Slurm step runs {tasks} tasks, and each would submit its own Direct Access job and write the same results file; nothing was submitted: run qrun in a step of one task, e.g. srun -n 1 qrun INPUT (or srun --ntasks=1 in a job with --ntasks={tasks})");

    public static string InternalError(string type, string message) => $"internal error ({type}): {message}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
