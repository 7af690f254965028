namespace SpankQrun.Qrun.Running;

/// <summary>
/// Capped exponential backoff for polling <c>GET /v1/jobs</c>: <c>min(Max, Initial * Growth^n)</c>, back to
/// <see cref="Initial"/> whenever the status changes (a job that moves tends to move again soon).
/// </summary>
/// <remarks>
/// The default starts at 5 ms and grows by 1.25 per unchanged poll, so a job that finishes after t ms is seen
/// within about t/4 ms of its end (a Bell job of tens of milliseconds within a few ms), up to 250 ms (reached after
/// 18 polls, about 1.1 s): a long job costs the service at most 4 status requests per second, and its results are
/// picked up within 250 ms.
/// </remarks>
internal sealed record PollBackoff(TimeSpan Initial, TimeSpan Max, double Growth = 2)
{
    public static PollBackoff Default { get; } = new(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(250), Growth: 1.25);

    /// <summary>
    /// The wait after a poll that took <paramref name="pollTook"/>: polls start <see cref="DelayFor"/> apart, so a slow
    /// answer (a gateway's status request does its own Direct Access request) does not add to the time a job's end
    /// takes to be seen, and the request rate stays within <c>1 / Max</c>.
    /// </summary>
    public TimeSpan WaitAfter(int unchangedPolls, TimeSpan pollTook)
    {
        var wait = DelayFor(unchangedPolls) - pollTook;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    public TimeSpan DelayFor(int unchangedPolls)
    {
        var exponent = Math.Clamp(unchangedPolls, 0, 64);
        var ticks = Initial.Ticks * Math.Pow(Math.Max(1, Growth), exponent);
        return ticks >= Max.Ticks ? Max : TimeSpan.FromTicks((long)ticks);
    }
}
