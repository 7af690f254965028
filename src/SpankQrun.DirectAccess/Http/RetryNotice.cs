namespace SpankQrun.DirectAccess.Http;

/// <summary>
/// What <see cref="RetryHandler"/> tells its observer before waiting for a retry: the request, the status it got
/// (null when it got no answer) or the failure, which retry comes next (1-based) of how many, and after what wait.
/// </summary>
public readonly record struct RetryNotice(HttpRequestMessage Request, int? Status, Exception? Failure, int Retry, int MaxRetries, TimeSpan Delay);
