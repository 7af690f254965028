using System.Globalization;
using SpankQrun.DirectAccess.Jobs;
using SpankQrun.Variables;

namespace SpankQrun.Qrun;

/// <summary>Every message qrun shows a user, in one place. None may contain a token, key or presigned URL.</summary>
internal static class QrunMessages
{
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

    public static string TimeoutOptionHelp(long max) =>
        Invariant($"The service timeout of the job (timeout_secs), 1 to {max} s [default: the Slurm time left + {(long)JobTimeout.TimeLimitGrace.TotalSeconds} s, or {JobTimeout.DefaultSeconds} s without a time limit].");

    public const string LogLevelOptionHelp = "The service's log level for the job: debug, info, warning, error or critical [default: info].";

    public const string CheckOptionHelp = "Only check INPUT offline (shape, circuits, parameters) and exit 0 or 2; needs no Slurm job.";

    public const string OptionSummary = "--results FILE (-r), --timeout SECONDS, --http-timeout SECONDS, --log-level LEVEL, --check, --help, --version (-V)";

    public static string UnknownOption(string name, string? closest, string summary) => closest is null
        ? $"unknown option {name}: qrun's options are {summary}"
        : $"unknown option {name}: did you mean {closest}? qrun's options are {summary}";

    public static string TooManyInputs(IReadOnlyList<string> arguments) =>
        $"unexpected argument {arguments[1]}: qrun runs one INPUT file per call, and {arguments[0]} is already the INPUT; run qrun once per file";

    public const string MissingInput = "missing INPUT: name the PUBs file to run, e.g. qrun --results results.json input.json (or qrun --check input.json)";

    public const string VersionAlone = "--version takes no other options or arguments: run qrun --version alone";

    public static string OptionNeedsValue(string name, string valueName) => $"{name} needs a value: {name} {valueName}";

    public static string SecondsInvalid(string name, string found, long max, bool wholeSeconds) =>
        Invariant($"{name} {found} is not {(wholeSeconds ? "a whole number of seconds" : "a number of seconds")} from {(wholeSeconds ? "1" : "more than 0")} to {max}: give e.g. {name} {Math.Min(600, max)}");

    public static string LogLevelInvalid(string found, IReadOnlyList<string> levels) =>
        $"--log-level {found} is not a log level: use one of {string.Join(", ", levels)}";

    public static string UsageFallback(string message) => $"{message}; see qrun --help";

    public static string VariableMissing(string name) => $"{name} is not set";

    public static string NotAQrunJob(string? primitive, IReadOnlyList<string> backends) =>
        $"no {IbmQrunVariables.Backend} or {IbmQrunVariables.Primitive}: this is not a job submitted with --q-backend; "
        + $"submit it with sbatch (or srun/salloc) --q-backend={BackendChoice(backends)} --q-primitive={primitive ?? "sampler|estimator"}"
        + $", or check the file alone with qrun --check INPUT";

    public static string BackendMissing(IReadOnlyList<string> backends) =>
        $"{IbmQrunVariables.Backend} is not set: submit the job with --q-backend={BackendChoice(backends)}";

    public static string PrimitiveMissing(string backend, string? primitive) => primitive is null
        ? $"{IbmQrunVariables.Primitive} is not set: the job has --q-backend={backend} but no --q-primitive; add --q-primitive=sampler or --q-primitive=estimator"
        : $"{IbmQrunVariables.Primitive} is not set: the job has --q-backend={backend} but no --q-primitive; add --q-primitive={primitive} (the input holds {primitive} PUBs)";

    public static string SiteConfigurationIncomplete(string backend) =>
        $"the site's spank_ibm_qrun configuration gives backend {backend} no value for the variables above; tell your administrator";

    private static string BackendChoice(IReadOnlyList<string> backends) => backends.Count switch
    {
        0 => "NAME (a backend this site offers)",
        1 => backends[0],
        _ => $"NAME (this site offers {string.Join(", ", backends)})",
    };

    public static string VariableNotUrl(string name, string value) =>
        $"{name} must be an absolute http:// or https:// URL, found \"{DirectAccess.Http.UrlRedactor.Redact(value)}\"";

    public static string PrimitiveInvalid(string value) =>
        $"{IbmQrunVariables.Primitive} must be \"sampler\" or \"estimator\", found \"{value}\"";

    public static string CredentialsMissing() =>
        $"no credentials: set {IbmQrunVariables.IamApiKey} (with {IbmQrunVariables.ServiceCrn} and {IbmQrunVariables.IamEndpoint}) "
        + $"or {IbmQrunVariables.AppIdClientId} and {IbmQrunVariables.AppIdSecret}";

    public static string SqueueFailed(string jobId, string reason) =>
        $"could not read the time left of Slurm job {jobId} with squeue ({reason}); using timeout_secs={JobTimeout.DefaultSeconds}";

    public const string SqueueNotStarted = "could not start squeue";

    public static string SqueueHung(TimeSpan bound) => Invariant($"no answer within {bound.TotalSeconds:0} s; squeue was killed");

    public static string SqueueAnswered(int exitCode, string? output) => Invariant($"exit code {exitCode}, output \"{output}\"");

    public static string InputUnreadable(string path, string reason) => $"cannot read input file {path}: {reason}";

    public static string InputTooLarge(string path, long bytes, long max) =>
        Invariant($"input file {path} has {bytes} bytes; qrun takes at most {max}");

    public static string InputInvalid(string path, string primitive, int count) =>
        $"input file {path} is not a valid {primitive} PUBs document ({count} problem{(count == 1 ? string.Empty : "s")}); nothing was submitted:";

    public static string InputProblem(string problem) => $"  {problem}";

    public static string InputValid(string path, string primitive) =>
        $"{path} is a valid {primitive} PUBs document (circuits parsed with the emulator's front end)";

    public static string PrimitiveMismatch(string path, string holds, string primitive) =>
        $"input file {path} holds {holds} PUBs, but this job's primitive is {primitive} (--q-primitive={primitive}); "
        + $"submit the job with --q-primitive={holds}, or give it {primitive} PUBs; nothing was submitted";

    public static string ResultsPathIsDirectory(string path) => $"--results {path} is a directory; expected a file path";

    public static string ResultsNotWritable(string path, string reason) => $"cannot write results file {path}: {reason}";

    public static string ResultsWritten(string path) => $"results written to {path}";

    public static string Submitted(string id, string backend, string primitive, JobTimeout timeout) =>
        Invariant($"submitted job {id} ({primitive} on {backend}, timeout {timeout.Seconds} s{timeout.Source switch
        {
            JobTimeoutSource.SlurmTimeLeft => " = Slurm time left + " + ((long)JobTimeout.TimeLimitGrace.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s grace",
            JobTimeoutSource.Requested => " from --timeout",
            JobTimeoutSource.SiteMaximum => " = the site's largest, shorter than the Slurm time left",
            JobTimeoutSource.SlurmLimitUnknown => " default, the gateway could not read the Slurm time limit",
            JobTimeoutSource.Unstated => "",
            _ => " default, no Slurm time limit",
        }})");

    public static string BackendReserved(string backend, string refusal) =>
        $"backend {backend} is reserved, so the service accepts no jobs for it now and nothing was run; "
        + $"submit the Slurm job again with another --q-backend, or after the reservation ends ({refusal})";

    public static string StatusChanged(string id, string status, TimeSpan elapsed) =>
        Invariant($"job {id} is {status} (after {elapsed.TotalSeconds:0.0} s)");

    public static string JobNotListed(string id) =>
        $"the service no longer lists job {id} (GET /v1/jobs): it was deleted, or the service lost its jobs (e.g. restarted without its state); its results are not available";

    public static string ResultsMissing(string id, string bucket, string key) =>
        $"job {id} completed but the service wrote no results: {key} is not in bucket {bucket}";

    public static string ResultsNotDownloaded(string id, string reason, string bucket, string key) =>
        $"job {id} completed but its results could not be downloaded ({reason}); they stay in bucket {bucket} as {key}";

    public static string ResultsNotJson(string id, string reason, string bucket, string key) =>
        $"the results of job {id} are not valid JSON ({reason}); they stay in bucket {bucket} as {key}";

    public static string ResultsKept(string reason, string bucket, string resultsKey, string logsKey) =>
        $"{reason}; the results were not deleted: they stay in bucket {bucket} as {resultsKey} (service log: {logsKey})";

    public static string ServiceTimeoutHint(JobTimeout timeout) => timeout.Source switch
    {
        JobTimeoutSource.Requested => Invariant($"the service stopped the job at its timeout of {timeout.Seconds} s (--timeout); run it again with a larger --timeout"),
        JobTimeoutSource.SiteMaximum => Invariant($"the service stopped the job at the site's largest timeout, {timeout.Seconds} s ({QrunHost.MaxTimeoutVariable}); split the work into shorter jobs, or ask the administrators for a larger maximum"),
        _ => Invariant($"the service stopped the job at its timeout of {timeout.Seconds} s; run it again with --timeout SECONDS (larger), or in a Slurm job with a longer --time"),
    };

    public static string TimedOutAfter(TimeSpan bound) => Invariant($"no answer within {bound.TotalSeconds:0} s");

    public static string JobFailed(string id, string? code, string? message, string? solution) =>
        $"job {id} failed: reason code {code ?? "(none)"}: {message ?? "(no message)"}"
        + (string.IsNullOrWhiteSpace(solution) ? string.Empty : $" (solution: {solution})");

    public static string JobCancelled(string id, string? reason) =>
        $"job {id} was cancelled by the service{(string.IsNullOrWhiteSpace(reason) ? string.Empty : $": {reason}")}";

    public static string ServiceLogFollows(string id) => $"service log of job {id}:";

    public static string LogUnavailable(string id, string reason) => $"the service log of job {id} is unavailable: {reason}";

    public static string SignalReceived(string signal) => $"received {signal}: cancelling the job and cleaning up";

    public static string SignalRepeated(string signal) => $"received {signal} again: still cleaning up, the job will not be left running";

    public static string Interrupted(string cause, string? id, bool removed, int exitCode) => id is null
        ? Invariant($"stopped by {cause} before anything was submitted; exit code {exitCode}")
        : removed
            ? Invariant($"stopped by {cause}: job {id} was cancelled and removed from the service; exit code {exitCode}")
            : Invariant($"stopped by {cause}: job {id} could not be removed from the service (see above); exit code {exitCode}");

    public static string TimeLimitReached(string? id, bool removed, int exitCode) => id is null
        ? Invariant($"the Slurm job's time limit was reached before anything was submitted; exit code {exitCode}")
        : removed
            ? Invariant($"the Slurm job's time limit was reached: job {id} was cancelled and removed from the service; exit code {exitCode}")
            : Invariant($"the Slurm job's time limit was reached: job {id} could not be removed from the service (see above); exit code {exitCode}");

    public static string CancelRequested(string id) => $"asked the service to cancel job {id}";

    public static string JobCleanupFailed(string id, string reason) => $"could not remove job {id} from the service: {reason}";

    public static string JobCleanupTimedOut(string id, TimeSpan bound) =>
        Invariant($"gave up removing job {id} after {bound.TotalSeconds:0} s; its timeout_secs still bounds it");

    public static string ObjectsLeft(string bucket, IReadOnlyList<string> keys, string reason) =>
        $"could not delete {string.Join(", ", keys)} in bucket {bucket}: {reason}";

    public static string StepHasSeveralTasks(int tasks) =>
        Invariant($"this Slurm step runs {tasks} tasks, and each would submit its own Direct Access job and write the same results file; nothing was submitted: run qrun in a step of one task, e.g. srun -n 1 qrun INPUT (or srun --ntasks=1 in a job with --ntasks={tasks})");

    public static string InternalError(string type, string message) => $"internal error ({type}): {message}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
