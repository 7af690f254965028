namespace SpankQrun.DirectAccess.Http;

/// <summary>
/// How transient failures (connection refused or reset, timeouts, 408, 429, 5xx) are retried:
/// exponential backoff from <paramref name="BaseDelay"/> with jitter, each wait capped at <paramref name="MaxDelay"/>
/// (a Retry-After header sets the wait, within the same cap), each attempt limited to <paramref name="AttemptTimeout"/>
/// (see <see cref="RetryHandler"/>).
/// </summary>
public sealed record RetrySettings(int MaxRetryAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan AttemptTimeout)
{
    /// <summary>Six attempts over roughly a minute: rides out a service restart, gives up on a dead one.</summary>
    public static RetrySettings Default { get; } = new(6, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30));
}
