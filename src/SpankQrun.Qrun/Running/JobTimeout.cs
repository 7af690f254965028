namespace SpankQrun.Qrun.Running;

/// <summary>Where the job's timeout_secs came from (said in the "submitted" line).</summary>
internal enum JobTimeoutSource
{
    /// <summary>No Slurm time limit and no --timeout: <see cref="QrunHost.DefaultJobTimeoutSeconds"/>.</summary>
    Default,

    /// <summary>The Slurm time left plus <see cref="QrunHost.TimeLimitGrace"/>: the time limit ends the job first.</summary>
    SlurmTimeLeft,

    /// <summary>The user's --timeout.</summary>
    Requested,

    /// <summary>
    /// The Slurm time left (plus grace) was longer than the largest timeout the site allows
    /// (<see cref="QrunHost.MaxTimeoutSeconds"/>): the largest is used, and the service may end the job first.
    /// </summary>
    SiteMaximum,
}

/// <summary>The timeout_secs qrun submits, and why.</summary>
internal readonly record struct JobTimeout(long Seconds, JobTimeoutSource Source)
{
    /// <summary>
    /// --timeout when given and shorter than the Slurm time left (plus grace); otherwise the Slurm time left plus
    /// grace, so that Slurm's SIGTERM at the time limit comes first and qrun cancels and removes the job itself,
    /// but never more than <paramref name="maximumSeconds"/> (the site's largest timeout, which a gateway
    /// enforces: a job with a time limit of days must not be refused for it); without a limit, the default.
    /// --timeout itself is checked against the maximum when the command line is read.
    /// </summary>
    public static JobTimeout Choose(TimeSpan? slurmTimeLeft, long? requestedSeconds, long maximumSeconds)
    {
        long? slurmBound = slurmTimeLeft is { } left ? Math.Max(1, (long)Math.Min(left.TotalSeconds, long.MaxValue / 2)) + (long)QrunHost.TimeLimitGrace.TotalSeconds : null;
        return (requestedSeconds, slurmBound) switch
        {
            ({ } requested, { } bound) when requested < bound => new(requested, JobTimeoutSource.Requested),
            (_, { } bound) when bound > maximumSeconds => new(maximumSeconds, JobTimeoutSource.SiteMaximum),
            (_, { } bound) => new(bound, JobTimeoutSource.SlurmTimeLeft),
            ({ } requested, null) => new(requested, JobTimeoutSource.Requested),
            _ when QrunHost.DefaultJobTimeoutSeconds > maximumSeconds => new(maximumSeconds, JobTimeoutSource.SiteMaximum),
            _ => new(QrunHost.DefaultJobTimeoutSeconds, JobTimeoutSource.Default),
        };
    }
}
