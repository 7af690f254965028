namespace SpankQrun.Gateway.Auth;

/// <summary>A caller, or why there is none (Refusal is safe to log: it never holds the credential).</summary>
public sealed record AuthenticationResult(Caller? Caller, string? Refusal, bool ServiceUnavailable = false)
{
    public static AuthenticationResult Refused(string reason) => new(null, reason);
}
