namespace SpankQrun.Qrun.Running;

/// <summary>
/// Capped exponential backoff for polling <c>GET /v1/jobs</c>: <c>min(Max, Initial * 2^n)</c>, back to
/// <see cref="Initial"/> whenever the status changes (a job that moves tends to move again soon).
/// </summary>
internal sealed record PollBackoff(TimeSpan Initial, TimeSpan Max)
{
    public static PollBackoff Default { get; } = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10));

    public TimeSpan DelayFor(int unchangedPolls)
    {
        var exponent = Math.Clamp(unchangedPolls, 0, 30);
        var ticks = Initial.Ticks * Math.Pow(2, exponent);
        return ticks >= Max.Ticks ? Max : TimeSpan.FromTicks((long)ticks);
    }
}
