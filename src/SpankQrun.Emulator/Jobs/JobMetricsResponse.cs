namespace SpankQrun.Emulator.Jobs;

/// <summary>Wire form of a job's "metrics": circuit time (completed jobs) and timestamps.</summary>
public sealed record JobMetricsResponse(long? CircuitsExecutionTimeNs, JobTimestampsResponse Timestamps);

/// <summary>Wire form of "metrics.timestamps"; <see cref="Finished"/> only once the job is final.</summary>
public sealed record JobTimestampsResponse(DateTimeOffset Created, DateTimeOffset? Finished);
