namespace SpankQrun.DirectAccess;

/// <summary>
/// A Direct Access or IAM call that did not succeed. The message names the call and the service's reason,
/// and never contains a token, a key or a URL query string.
/// </summary>
public sealed class DirectAccessException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> must already be free of secrets.</summary>
    public DirectAccessException(DirectAccessFailure failure, string message, int? statusCode = null, string? errorCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    /// <summary>The kind of failure.</summary>
    public DirectAccessFailure Failure { get; }

    /// <summary>The HTTP status, when the service answered.</summary>
    public int? StatusCode { get; }

    /// <summary>The service's error code (e.g. "1232" lanes full), when it gave one.</summary>
    public string? ErrorCode { get; }
}
