namespace SpankQrun.DirectAccess;

/// <summary>What kind of trouble a <see cref="DirectAccessException"/> reports.</summary>
public enum DirectAccessFailure
{
    /// <summary>No answer (connection refused or reset, timeout) or 5xx after every retry.</summary>
    Unreachable,

    /// <summary>The credentials were refused (token exchange failed, or 401/403 after a fresh token).</summary>
    Authentication,

    /// <summary>The service understood the request and said no (4xx other than the above).</summary>
    Refused,

    /// <summary>The service answered with something that is not the contract's JSON.</summary>
    InvalidResponse,
}
