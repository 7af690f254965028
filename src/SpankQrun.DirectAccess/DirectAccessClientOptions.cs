using SpankQrun.DirectAccess.Auth;
using SpankQrun.DirectAccess.Http;

namespace SpankQrun.DirectAccess;

/// <summary>Where the Direct Access API is, how to authenticate, and how hard to retry.</summary>
public sealed record DirectAccessClientOptions(Uri Endpoint, DirectAccessCredentials Credentials)
{
    /// <summary>Retry and per-attempt timeout settings.</summary>
    public RetrySettings Retry { get; init; } = RetrySettings.Default;

    /// <summary>Receives one line per retry (already free of secrets).</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Clock for token refresh.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
