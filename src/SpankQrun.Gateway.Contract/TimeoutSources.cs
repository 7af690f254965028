namespace SpankQrun.Gateway.Contract;

/// <summary>The values of <see cref="CreateJobResponse.TimeoutSource"/>: why the gateway chose a job's timeout_secs.</summary>
public static class TimeoutSources
{
    /// <summary>The Slurm time left plus two minutes' grace.</summary>
    public const string SlurmTimeLeft = "slurm_time_left";

    /// <summary>The request's timeout_secs (qrun's --timeout).</summary>
    public const string Requested = "requested";

    /// <summary>The gateway's max_timeout_secs, shorter than the Slurm time left (or than the default).</summary>
    public const string SiteMaximum = "site_maximum";

    /// <summary>The default (3600 s): the Slurm job has no time limit.</summary>
    public const string Default = "default";

    /// <summary>The default (3600 s): the gateway could not read the Slurm time limit.</summary>
    public const string SlurmLimitUnknown = "slurm_limit_unknown";
}
