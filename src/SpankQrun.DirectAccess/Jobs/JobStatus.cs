namespace SpankQrun.DirectAccess.Jobs;

/// <summary>A job's status; anything the client does not know is treated as not final.</summary>
public enum JobStatus
{
    /// <summary>A status this client does not know (e.g. Queued); not final.</summary>
    Other,

    /// <summary>Executing.</summary>
    Running,

    /// <summary>Final: results are in storage.</summary>
    Completed,

    /// <summary>Final: see the reason fields.</summary>
    Failed,

    /// <summary>Final: cancelled by someone.</summary>
    Cancelled,
}
