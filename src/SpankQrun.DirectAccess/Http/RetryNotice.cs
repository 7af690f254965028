namespace SpankQrun.DirectAccess.Http;

/// <summary>
/// What <see cref="RetryHandler"/> tells its observer before waiting for a retry: the request; either the status it
/// got or, when it got no answer, the failure (exactly one of the two is set); which retry comes next (1-based) of
/// how many; and after what wait.
/// </summary>
public readonly record struct RetryNotice(HttpRequestMessage Request, int? Status, Exception? Failure, int Retry, int MaxRetries, TimeSpan Delay);
