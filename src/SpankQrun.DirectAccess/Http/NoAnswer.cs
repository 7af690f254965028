namespace SpankQrun.DirectAccess.Http;

/// <summary>
/// Whether an exception from a client built on <see cref="RetryHandler"/> means the request got no answer (no
/// connection, a reset, the attempts' timeouts, a body cut short), as opposed to a bug: callers turn these, and only
/// these, into "unreachable" errors.
/// </summary>
public static class NoAnswer
{
    public static bool Is(Exception exception) =>
        exception is HttpRequestException or AttemptTimeoutException or OperationCanceledException or IOException;
}
