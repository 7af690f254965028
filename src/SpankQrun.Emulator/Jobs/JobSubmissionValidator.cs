using System.Diagnostics.CodeAnalysis;
using SpankQrun.Emulator.Configuration;
using SpankQrun.Primitives;

namespace SpankQrun.Emulator.Jobs;

/// <summary>Checks a POST /v1/jobs body and turns it into a new running <see cref="Job"/>.</summary>
public static class JobSubmissionValidator
{
    public const int MaxIdLength = 128;
    private static readonly string[] StorageTypes = ["s3_compatible", "ibmcloud_cos"];

    public static bool TryCreateJob(JobSubmission submission, EmulatorSettings settings, DateTimeOffset now,
        [NotNullWhen(true)] out Job? job, [NotNullWhen(false)] out JobSubmissionError? error)
    {
        job = null;
        // Checked in document order; the first problem is reported.
        error = CheckId(submission.Id) ?? CheckBackend(submission.Backend, settings);
        if (error is not null)
            return false;
        error = CheckProgram(submission.ProgramId, out var kind);
        if (error is not null)
            return false;
        error = CheckLogLevel(submission.LogLevel, out var logLevel);
        if (error is not null)
            return false;
        error = CheckTimeout(submission.TimeoutSecs, out var timeout);
        if (error is not null)
            return false;
        error = CheckStorage(submission.Storage, out var storage);
        if (error is not null)
            return false;

        job = new Job(submission.Id!, submission.Backend!, kind, logLevel, timeout, storage!, JobStatus.Running, now);
        return true;
    }

    private static JobSubmissionError? CheckId(string? id)
    {
        if (string.IsNullOrEmpty(id))
            return new("id", EmulatorMessages.Missing("id", "a job id such as a UUID"));
        if (id.Length > MaxIdLength || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            return new("id", EmulatorMessages.JobIdInvalid(id, MaxIdLength));
        return null;
    }

    private static JobSubmissionError? CheckBackend(string? backend, EmulatorSettings settings)
    {
        if (string.IsNullOrEmpty(backend))
            return new("backend", EmulatorMessages.Missing("backend", "a backend name"));
        return settings.FindBackend(backend) is null ? new("backend", backend, UnknownBackend: true) : null;
    }

    private static JobSubmissionError? CheckProgram(string? programId, out PrimitiveKind kind)
    {
        kind = default;
        if (programId is null)
            return new("program_id", EmulatorMessages.Missing("program_id", "\"sampler\" or \"estimator\""));
        // The service accepts lower case only, so a case-insensitive parse is narrowed here.
        if (!PrimitiveKinds.TryParse(programId, out kind) || !string.Equals(programId, kind.ToProgramId(), StringComparison.Ordinal))
            return new("program_id", EmulatorMessages.NotOneOf("program_id", programId, "sampler, estimator"));
        return null;
    }

    private static JobSubmissionError? CheckLogLevel(string? value, out JobLogLevel level)
    {
        level = JobLogLevel.Warning;
        if (value is null)
            return null;
        foreach (var candidate in Enum.GetValues<JobLogLevel>())
        {
            if (string.Equals(candidate.ToWire(), value, StringComparison.Ordinal))
            {
                level = candidate;
                return null;
            }
        }

        return new("log_level", EmulatorMessages.NotOneOf("log_level", value, "debug, info, warning, error, critical"));
    }

    private static JobSubmissionError? CheckTimeout(long? value, out int timeout)
    {
        timeout = 0;
        if (value is null)
            return new("timeout_secs", EmulatorMessages.Missing("timeout_secs", "an integer number of seconds >= 1"));
        if (value < 1 || value > int.MaxValue)
            return new("timeout_secs", EmulatorMessages.TimeoutInvalid(value.Value));
        timeout = (int)value.Value;
        return null;
    }

    private static JobSubmissionError? CheckStorage(JobStorageBody? body, out JobStorage? storage)
    {
        storage = null;
        if (body is null)
            return new("storage", EmulatorMessages.Missing("storage", "an object with input, results and optionally logs"));

        var error = CheckLocation(body.Input, "storage.input", required: true, out var input);
        if (error is not null)
            return error;
        error = CheckLocation(body.Results, "storage.results", required: true, out var results);
        if (error is not null)
            return error;
        error = CheckLocation(body.Logs, "storage.logs", required: false, out var logs);
        if (error is not null)
            return error;

        storage = new JobStorage(input!, results!, logs);
        return null;
    }

    private static JobSubmissionError? CheckLocation(StorageOptionBody? body, string location, bool required, out StorageLocation? result)
    {
        result = null;
        if (body is null)
            return required ? new(location, EmulatorMessages.Missing(location, "{\"type\":\"s3_compatible\",\"presigned_url\":\"...\"}")) : null;
        if (body.Type is null || !StorageTypes.Contains(body.Type, StringComparer.Ordinal))
            return new($"{location}.type", EmulatorMessages.NotOneOf($"{location}.type", body.Type ?? "nothing", string.Join(", ", StorageTypes)));
        if (string.IsNullOrEmpty(body.PresignedUrl))
            return new($"{location}.presigned_url", EmulatorMessages.Missing($"{location}.presigned_url", "an absolute http or https URL"));
        if (!Uri.TryCreate(body.PresignedUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            return new($"{location}.presigned_url", EmulatorMessages.PresignedUrlInvalid(location));

        result = new StorageLocation(body.Type, url);
        return null;
    }
}
