namespace SpankQrun.DirectAccess.Auth;

/// <summary>When to renew a token: at 90% of <c>expires_in</c>, so a call never races the expiry.</summary>
internal static class TokenRefreshPolicy
{
    public const double RefreshFraction = 0.9;

    /// <summary>Used when the service does not say how long the token lives.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(10);

    public static DateTimeOffset RefreshAt(DateTimeOffset issuedAt, double? expiresInSeconds)
    {
        var lifetime = expiresInSeconds is > 0 ? TimeSpan.FromSeconds(expiresInSeconds.Value) : DefaultLifetime;
        return issuedAt + lifetime * RefreshFraction;
    }
}
