namespace SpankQrun.Gateway.Contract;

/// <summary>
/// How a request proves its caller: <c>Authorization: MUNGE &lt;credential&gt;</c>, a credential made for this
/// one request whose payload (UTF-8) is <see cref="Payload"/> of the request's method and path.
/// </summary>
public static class GatewayAuthentication
{
    /// <summary>The authorization scheme.</summary>
    public const string Scheme = "MUNGE";

    /// <summary>The header that carries the credential.</summary>
    public const string HeaderName = "Authorization";

    /// <summary>First word of every payload; names the protocol version.</summary>
    public const string PayloadPrefix = "qrun-gateway/1";

    /// <summary>
    /// The payload for <paramref name="method"/> (upper case, e.g. <c>POST</c>) and <paramref name="path"/>
    /// (the URL path without query string, e.g. <c>/gateway/v1/jobs</c>).
    /// </summary>
    public static string Payload(string method, string path) => $"{PayloadPrefix} {method.ToUpperInvariant()} {path}";

    /// <summary>The header value for <paramref name="credential"/>.</summary>
    public static string HeaderValue(string credential) => $"{Scheme} {credential}";
}
