namespace SpankQrun.DirectAccess.Backends;

/// <summary>
/// A backend as <c>GET /v1/backends/{name}</c> and <c>GET /v1/backends/{name}/lanes</c> describe it:
/// status online, offline or paused; locked when a reservation holds an online backend; and the number of
/// jobs an HPC workload manager may have at once on it (null when the service does not say).
/// </summary>
public sealed record BackendState(string Name, string Status, bool Locked, string? Message, int? HpcWorkloadManagerLanes)
{
    /// <summary>Online, not locked, and with at least one lane for workload managers.</summary>
    public bool AcceptsJobs => string.Equals(Status, "online", StringComparison.OrdinalIgnoreCase) && !Locked && HpcWorkloadManagerLanes is > 0;
}
