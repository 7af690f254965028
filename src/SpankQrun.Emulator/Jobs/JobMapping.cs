using SpankQrun.Primitives;

namespace SpankQrun.Emulator.Jobs;

/// <summary>Maps the internal <see cref="Job"/> to its wire form.</summary>
public static class JobMapping
{
    public static JobResponse ToResponse(this Job job) => new(
        job.Id,
        job.Backend,
        job.Program.ToProgramId(),
        job.LogLevel.ToWire(),
        job.TimeoutSecs,
        new JobStorageBody(ToBody(job.Storage.Input), ToBody(job.Storage.Results), job.Storage.Logs is { } logs ? ToBody(logs) : null),
        job.Status.ToString(),
        job.CreatedTime,
        job.EndTime,
        job.Failure?.Code,
        job.Failure?.Message,
        job.Failure?.Solution,
        Usage(job),
        new JobMetricsResponse(job.Status == JobStatus.Completed ? job.CircuitNanoseconds ?? 0 : null,
            new JobTimestampsResponse(job.CreatedTime, job.EndTime)));

    /// <summary>Every final job reports usage: the model's figure when it completed, 0 when no circuit ran to the end.</summary>
    private static JobUsageResponse? Usage(Job job) =>
        job.QuantumNanoseconds is { } nanoseconds ? new JobUsageResponse(nanoseconds)
        : job.IsFinal ? new JobUsageResponse(0)
        : null;

    public static string ToWire(this JobLogLevel level) => level.ToString().ToLowerInvariant();

    private static StorageOptionBody ToBody(StorageLocation location) => new(location.Type, location.PresignedUrl.OriginalString);
}
