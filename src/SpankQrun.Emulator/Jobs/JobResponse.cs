namespace SpankQrun.Emulator.Jobs;

/// <summary>Wire form of a job in GET /v1/jobs and GET /v1/jobs/{id}.</summary>
public sealed record JobResponse(
    string Id,
    string Backend,
    string ProgramId,
    string LogLevel,
    int TimeoutSecs,
    JobStorageBody Storage,
    string Status,
    DateTimeOffset CreatedTime,
    DateTimeOffset? EndTime,
    int? ReasonCode,
    string? ReasonMessage,
    string? ReasonSolution,
    JobUsageResponse? Usage,
    JobMetricsResponse Metrics);
