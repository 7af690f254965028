namespace SpankQrun.Qrun.Running;

/// <summary>
/// Capped exponential backoff for polling <c>GET /v1/jobs</c>: <c>min(Max, Initial * Growth^n)</c>, back to
/// <see cref="Initial"/> whenever the status changes (a job that moves tends to move again soon).
/// </summary>
/// <remarks>
/// The default starts at 10 ms, so a job that finishes in tens of milliseconds is seen within about 10 ms of its
/// end, and grows by 1.5 per unchanged poll to 250 ms (reached after 8 polls, about 0.5 s): a long job costs the
/// service at most 4 status requests per second, and its results are picked up within 250 ms.
/// </remarks>
internal sealed record PollBackoff(TimeSpan Initial, TimeSpan Max, double Growth = 2)
{
    public static PollBackoff Default { get; } = new(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(250), Growth: 1.5);

    public TimeSpan DelayFor(int unchangedPolls)
    {
        var exponent = Math.Clamp(unchangedPolls, 0, 64);
        var ticks = Initial.Ticks * Math.Pow(Math.Max(1, Growth), exponent);
        return ticks >= Max.Ticks ? Max : TimeSpan.FromTicks((long)ticks);
    }
}
