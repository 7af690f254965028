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
}

/// <summary>The timeout_secs qrun submits, and why.</summary>
internal readonly record struct JobTimeout(long Seconds, JobTimeoutSource Source)
{
    /// <summary>
    /// --timeout when given and shorter than the Slurm time left (plus grace); otherwise the Slurm time left plus
    /// grace, so that Slurm's SIGTERM at the time limit comes first and qrun cancels and removes the job itself;
    /// without a limit, the default.
    /// </summary>
    public static JobTimeout Choose(TimeSpan? slurmTimeLeft, long? requestedSeconds)
    {
        long? slurmBound = slurmTimeLeft is { } left ? Math.Max(1, (long)left.TotalSeconds) + (long)QrunHost.TimeLimitGrace.TotalSeconds : null;
        return (requestedSeconds, slurmBound) switch
        {
            ({ } requested, { } bound) when requested < bound => new(requested, JobTimeoutSource.Requested),
            (_, { } bound) => new(bound, JobTimeoutSource.SlurmTimeLeft),
            ({ } requested, null) => new(requested, JobTimeoutSource.Requested),
            _ => new(QrunHost.DefaultJobTimeoutSeconds, JobTimeoutSource.Default),
        };
    }
}
