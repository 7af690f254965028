namespace SpankQrun.Gateway.Contract;

/// <summary>The values of a job view's <c>status</c>.</summary>
public static class GatewayJobStatus
{
    /// <summary>Created; waiting for the client's upload and submit.</summary>
    public const string Uploading = "Uploading";

    /// <summary>Submitted; Direct Access has not started it.</summary>
    public const string Queued = "Queued";

    /// <summary>Direct Access is running it.</summary>
    public const string Running = "Running";

    /// <summary>Final: results are ready.</summary>
    public const string Completed = "Completed";

    /// <summary>Final: failed (see reason_*).</summary>
    public const string Failed = "Failed";

    /// <summary>Final: cancelled.</summary>
    public const string Cancelled = "Cancelled";

    /// <summary>True for Completed, Failed and Cancelled.</summary>
    public static bool IsFinal(string status) => status is Completed or Failed or Cancelled;
}
