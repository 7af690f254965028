namespace SpankQrun.DirectAccess.Jobs;

/// <summary>Where a job's timeout_secs came from (said in qrun's "submitted" line).</summary>
public enum JobTimeoutSource
{
    /// <summary>No Slurm time limit and no --timeout: <see cref="JobTimeout.DefaultSeconds"/>.</summary>
    Default,

    /// <summary>The Slurm time left plus <see cref="JobTimeout.TimeLimitGrace"/>: the time limit ends the job first.</summary>
    SlurmTimeLeft,

    /// <summary>The user's --timeout.</summary>
    Requested,

    /// <summary>
    /// The Slurm time left (plus grace) was longer than the largest timeout the site allows: the largest is used, and
    /// the service may end the job first.
    /// </summary>
    SiteMaximum,

    /// <summary>
    /// The default, because the Slurm time limit could not be read (a gateway that chose the timeout says so; qrun
    /// in direct mode says it in a line of its own).
    /// </summary>
    SlurmLimitUnknown,

    /// <summary>Chosen by the gateway on an earlier attempt of the same request, which did not say why.</summary>
    Unstated,
}

/// <summary>
/// The timeout_secs of a Direct Access job, and why: chosen by qrun in direct mode, and by the gateway when qrun
/// creates and submits a job in one request (both by this one rule).
/// </summary>
public readonly record struct JobTimeout(long Seconds, JobTimeoutSource Source)
{
    /// <summary>timeout_secs when the job has no Slurm time limit (or none is known) and no --timeout was given.</summary>
    public const long DefaultSeconds = 3600;

    /// <summary>
    /// Added to the Slurm time left for timeout_secs, so that at the time limit Slurm's SIGTERM reaches qrun
    /// before the service gives up on the job: qrun then cancels and removes it itself. It covers slurmctld's
    /// time-limit check (every 30 s), KillWait and qrun's cleanup; it only matters if qrun is killed outright.
    /// </summary>
    public static readonly TimeSpan TimeLimitGrace = TimeSpan.FromSeconds(120);

    /// <summary>The time left until <paramref name="endTime"/> at <paramref name="now"/> (squeue's %L: never below zero), or null without a limit.</summary>
    public static TimeSpan? TimeLeftUntil(DateTimeOffset? endTime, DateTimeOffset now) =>
        endTime is { } end ? TimeSpan.FromTicks(Math.Max(0, (end - now).Ticks)) : null;

    /// <summary>
    /// --timeout when given and shorter than the Slurm time left (plus grace); otherwise the Slurm time left plus
    /// grace, so that Slurm's SIGTERM at the time limit comes first and qrun cancels and removes the job itself,
    /// but never more than <paramref name="maximumSeconds"/> (the site's largest timeout, which a gateway
    /// enforces: a job with a time limit of days must not be refused for it); without a limit, the default.
    /// --timeout itself is checked against the maximum when the command line (or the gateway's request) is read.
    /// </summary>
    public static JobTimeout Choose(TimeSpan? slurmTimeLeft, long? requestedSeconds, long maximumSeconds)
    {
        long? slurmBound = slurmTimeLeft is { } left ? Math.Max(1, (long)Math.Min(left.TotalSeconds, long.MaxValue / 2)) + (long)TimeLimitGrace.TotalSeconds : null;
        return (requestedSeconds, slurmBound) switch
        {
            ({ } requested, { } bound) when requested < bound => new(requested, JobTimeoutSource.Requested),
            (_, { } bound) when bound > maximumSeconds => new(maximumSeconds, JobTimeoutSource.SiteMaximum),
            (_, { } bound) => new(bound, JobTimeoutSource.SlurmTimeLeft),
            ({ } requested, null) => new(requested, JobTimeoutSource.Requested),
            _ when DefaultSeconds > maximumSeconds => new(maximumSeconds, JobTimeoutSource.SiteMaximum),
            _ => new(DefaultSeconds, JobTimeoutSource.Default),
        };
    }
}
