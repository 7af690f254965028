namespace SpankQrun.DirectAccess.Jobs;

/// <summary>Maps wire status text to <see cref="JobStatus"/>.</summary>
public static class JobStatuses
{
    /// <summary>Case-insensitive; unknown values become <see cref="JobStatus.Other"/>.</summary>
    public static JobStatus Parse(string? status) => status?.ToUpperInvariant() switch
    {
        "RUNNING" => JobStatus.Running,
        "COMPLETED" => JobStatus.Completed,
        "FAILED" => JobStatus.Failed,
        "CANCELLED" or "CANCELED" => JobStatus.Cancelled,
        _ => JobStatus.Other,
    };

    /// <summary>True for Completed, Failed and Cancelled.</summary>
    public static bool IsFinal(this JobStatus status) =>
        status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;
}
