namespace SpankQrun.Emulator.Jobs;

/// <summary>Wire form of GET /v1/jobs (oldest job first).</summary>
public sealed record JobListResponse(IReadOnlyList<JobResponse> Jobs);
