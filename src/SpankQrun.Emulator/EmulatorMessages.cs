using System.Globalization;
using SpankQrun.Primitives;

namespace SpankQrun.Emulator;

/// <summary>
/// Every user-facing message of the emulator, one member per message. None of them may include a token,
/// a key, a secret or a presigned URL's query string.
/// </summary>
public static class EmulatorMessages
{
    // Configuration and command line.
    public static string ConfigFileMissing(string path) =>
        $"configuration file '{path}' does not exist (--config names a JSON file; see docs/emulator.md)";

    public static string ConfigFileInvalidJson(string path, string detail) =>
        $"configuration file '{path}' is not valid: {detail}";

    public static string ConfigValueInvalid(string path, string key, string expected, string found) =>
        $"configuration file '{path}': '{key}' must be {expected}, found {found}";

    public static string StateFileInvalid(string path, string detail) =>
        $"state file '{path}' is not valid JSON ({detail}); move it away to start with no jobs";

    public static string StateDirectoryUnusable(string path, string detail) =>
        $"state directory '{path}' (--state-dir) cannot be created or written: {detail}";

    // Authentication.
    public static string IamFormExpected(string? contentType) =>
        $"expected an application/x-www-form-urlencoded body, found content type '{contentType ?? "none"}'";

    public static string IamGrantTypeInvalid(string? found, string expected) =>
        $"grant_type must be '{expected}', found '{found ?? ""}'";

    public const string IamApiKeyMissing = "Property 'apikey' is missing or empty.";
    public const string IamApiKeyUnknown = "Provided API key could not be found.";
    public const string BasicCredentialsMissing = "expected an 'Authorization: Basic base64(client_id:secret)' header";
    public const string BasicCredentialsUnknown = "the App ID client id and secret do not match any configured client";
    public const string BearerTokenMissing = "expected an 'Authorization: Bearer <token>' header";
    public const string BearerTokenInvalid = "the bearer token is unknown or has expired";
    public const string ServiceCrnMissing = "a token from IAM needs a 'Service-CRN' header naming the service instance";

    public static string ServiceCrnMismatch(string found) =>
        $"the 'Service-CRN' header '{found}' does not name this service instance";

    public const string UnauthorizedSolution = "Get a new token from POST /identity/token (IAM) or POST /v1/token (App ID) and send it as a Bearer token.";

    // Requests.
    public static string JobBodyNotJson(string? path, long? line, long? bytePosition) =>
        $"the request body is not a valid job document: malformed JSON or a value of the wrong type at {path ?? "$"} " +
        $"(line {(line ?? 0) + 1}, byte {bytePosition ?? 0})";

    public static string Missing(string field, string expected) => $"'{field}' is missing: expected {expected}";

    public static string NotOneOf(string field, string found, string allowed) =>
        $"'{field}' is \"{found}\": expected one of {allowed}";

    public static string JobIdInvalid(string id, int maxLength) =>
        $"'id' \"{(id.Length > 40 ? id[..40] + "..." : id)}\" is not allowed: expected up to {maxLength} letters, digits, '-', '_' or '.'";

    public static string TimeoutInvalid(long found) =>
        $"'timeout_secs' is {found.ToString(CultureInfo.InvariantCulture)}: expected an integer number of seconds >= 1";

    public static string PresignedUrlInvalid(string location) =>
        $"'{location}.presigned_url' is not an absolute http or https URL";

    public const string InvalidRequestSolution = "Fix the field named in 'location' and submit again.";

    public const string BadRequestBody = "the request body could not be read";

    public static string InternalRequestError(string exceptionType) => $"internal emulator error ({exceptionType}) while handling the request";

    public const string InvalidHeaderSolution = "Fix or leave out the header named in 'target'.";

    public static string ApiVersionInvalid(string value) =>
        $"header 'IBM-API-Version' is \"{(value.Length > 40 ? value[..40] + "..." : value)}\": expected a date such as 2026-01-01 (YYYY-MM-DD)";

    public static string BackendLanesFull(string backend, int lanes) =>
        $"all {lanes.ToString(CultureInfo.InvariantCulture)} lanes of backend '{backend}' are held by jobs that have not been deleted";

    public static string BodyTooLarge(long limit) =>
        $"the request body is larger than the {limit.ToString(CultureInfo.InvariantCulture)} bytes this service accepts";

    public const string BodyTooLargeSolution = "Send a smaller body; job inputs travel through storage, not in the request.";

    public static string BackendNotFound(string name) => $"backend '{name}' does not exist on this service";

    public const string BackendNotFoundSolution = "List the backends with GET /v1/backends and use one of their names.";

    public static string BackendReserved(string name) =>
        $"backend '{name}' is reserved: it accepts no jobs from this service instance until the reservation ends";

    public const string BackendReservedSolution = "Submit the job to a backend that is not reserved (GET /v1/backends lists them), or submit again after the reservation ends.";

    // The "message" of a reserved backend in GET /v1/backends and GET /v1/backends/{name}.
    public const string BackendReservedStatus = "reserved: new jobs are refused (HTTP 423, code 1233) until the reservation ends";

    public static string BackendDescription(int qubits, int maxSimulated) =>
        $"spank-qrun emulator: {qubits} physical qubits, statevector simulation of up to {maxSimulated} qubits used per circuit";

    public static string DuplicateJobId(string id) => $"a job with id '{id}' already exists";

    public const string DuplicateJobIdSolution = "Use a new id (a fresh UUID) for every job.";

    public static string LanesFull(int lanes) =>
        $"all {lanes} execution lanes are held by jobs that have not been deleted";

    public const string LanesFullSolution = "Delete finished jobs with DELETE /v1/jobs/{id}, or wait for running jobs to finish and delete them.";

    public static string JobNotFound(string id) => $"job '{id}' does not exist";

    public const string JobNotFoundSolution = "List jobs with GET /v1/jobs.";

    public static string JobNotCancellable(string id, string status) =>
        $"job '{id}' is {status}, a final state: only Running jobs can be cancelled";

    public const string JobNotCancellableSolution = "Nothing to cancel; delete the job if it is no longer needed.";

    public static string JobNotFinal(string id, string status) =>
        $"job '{id}' is {status}: only Completed, Failed or Cancelled jobs can be deleted";

    public const string JobNotFinalSolution = "Cancel the job with POST /v1/jobs/{id}/cancel, or wait for it to finish, then delete it.";

    // Job execution (reason_message / reason_solution, and lines of the job log).
    public static string StorageStatus(string method, string redactedUrl, int status) =>
        $"{method} {redactedUrl} answered HTTP {status.ToString(CultureInfo.InvariantCulture)}";

    public static string StorageUnreachable(string method, string redactedUrl, string error) =>
        $"{method} {redactedUrl} failed: {error}";

    public static string StorageRedirect(string method, string redactedUrl, int status) =>
        $"{method} {redactedUrl} answered HTTP {status.ToString(CultureInfo.InvariantCulture)}, a redirect; redirects are not followed";

    public static string InputTooLarge(string redactedUrl, long limit) =>
        $"the input {redactedUrl} is larger than max_input_bytes ({limit.ToString(CultureInfo.InvariantCulture)} bytes)";

    public const string InputTooLargeSolution = "Split the PUBs into several jobs, or ask the administrator to raise max_input_bytes.";

    public static string StorageHostRefused(string role, string host, string allowed) =>
        $"the {role} URL's host '{host}' is not an allowed storage host (allowed: {allowed})";

    public const string StorageHostRefusedSolution = "Use presigned URLs of the storage the emulator is configured for (storage_endpoints), or ask the administrator to add yours.";

    public static string MemoryTooSmall(long needed, long budget) =>
        $"the job needs about {Mib(needed)} MiB to simulate, more than the whole memory budget of {Mib(budget)} MiB (memory_budget_bytes)";

    public const string MemoryTooSmallSolution = "Use fewer qubits per circuit (memory doubles with each qubit), or ask the administrator to raise memory_budget_bytes.";

    public static string LogWaitingForMemory(long needed, long reserved, long budget) =>
        $"waiting for memory: needs {Mib(needed)} MiB, {Mib(reserved)} of {Mib(budget)} MiB held by running jobs";

    public static string LogMemoryReserved(long needed, long held, long budget) =>
        $"memory reserved: {Mib(needed)} MiB, {Mib(held)} of {Mib(budget)} MiB now held by running jobs";

    private static string Mib(long bytes) => (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture);

    public const string InputUnreadableSolution = "Check that the input object exists and that its presigned GET URL is valid for long enough.";
    public const string OutputUnwritableSolution = "Check that the presigned PUT URLs for results and logs are valid for long enough.";

    public static string InputInvalid(IReadOnlyList<PubsError> errors) =>
        "the input is not a valid PUBs document: " + string.Join("; ", errors.Take(5).Select(error => error.ToString())) +
        (errors.Count > 5 ? $"; and {(errors.Count - 5).ToString(CultureInfo.InvariantCulture)} more" : "");

    public const string InputInvalidSolution = "Fix the input document at the place named and submit a new job.";

    public static string QubitNotOnBackend(int pub, int line, int column, string qubit, string backend, int qubits) =>
        $"pub {pub.ToString(CultureInfo.InvariantCulture)}: line {line.ToString(CultureInfo.InvariantCulture)}, " +
        $"column {column.ToString(CultureInfo.InvariantCulture)}: physical qubit {qubit} does not exist on {backend}, " +
        $"which has qubits $0 to ${(qubits - 1).ToString(CultureInfo.InvariantCulture)}";

    // The simulator's failure code is already in its own log lines; the reason stays the readable message.
    public static string ExecutionFailed(string? code, string? message) =>
        message ?? $"the simulator reported a failure ({code ?? "no code"}) without a message";

    public const string NotIsaSolution = "Transpile the circuit for this backend (its basis gates and coupling map are in GET /v1/backends/{name}/configuration) and submit a new job.";

    public const string ExecutionFailedSolution = "Fix the circuit or PUB named in the message and submit a new job.";

    public static string JobTimedOut(int timeoutSecs) =>
        $"the job ran longer than its timeout_secs of {timeoutSecs.ToString(CultureInfo.InvariantCulture)} s and was stopped";

    public const string JobTimedOutSolution = "Submit again with a larger timeout_secs, or with fewer shots or PUBs.";

    public static string BackendGone(string backend) =>
        $"backend '{backend}' is no longer in the emulator's configuration";

    public const string BackendGoneSolution = "Submit the job again to a configured backend.";

    public static string InternalError(Exception exception) =>
        $"internal emulator error ({exception.GetType().Name}): {exception.Message}";

    public const string InternalErrorSolution = "Submit the job again; report the problem if it persists.";

    public static string LogJobQueued(string id, string backend) => $"job {id} queued on {backend}";

    public static string LogJobStarted(string programId, int timeoutSecs) =>
        $"running {programId} (timeout {timeoutSecs.ToString(CultureInfo.InvariantCulture)} s)";

    public static string LogInputRead(int bytes) => $"input read: {bytes.ToString(CultureInfo.InvariantCulture)} bytes";

    public static string LogJobCompleted(TimeSpan elapsed) =>
        $"completed in {elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture)} s";
}
