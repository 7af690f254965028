using System.Globalization;

namespace SpankQrun.DirectAccess;

/// <summary>Every message the library produces. None may contain a token, key or URL query string.</summary>
internal static class DirectAccessMessages
{
    public static string Retrying(string failure, int retry, int maxRetries, TimeSpan delay) =>
        string.Create(CultureInfo.InvariantCulture, $"{failure}; retry {retry} of {maxRetries} in {delay.TotalSeconds:0.0} s");

    public static string Unreachable(string method, string url, string detail) =>
        $"{method} {url} failed after all retries: {detail}";

    public static string StillFailing(string method, string url, int status, string reason) =>
        $"{method} {url} still answered HTTP {status} after all retries: {reason}";

    public static string Refused(string method, string url, int status, string reason) =>
        $"{method} {url} was refused with HTTP {status}: {reason}";

    public static string CredentialsRefused(string what, string url, int status, string reason) =>
        $"{what} at {url} refused the credentials (HTTP {status}): {reason}";

    public static string TokenRejected(string method, string url, int status, string reason) =>
        $"{method} {url} rejected a freshly issued token (HTTP {status}): {reason}";

    public static string NotJson(string method, string url, string detail) =>
        $"{method} {url} answered with a body that is not the expected JSON: {detail}";

    public static string TokenMissing(string url) =>
        $"the token service at {url} answered 200 without an access_token";

    public const string ConnectionRefused = "connection refused";
    public const string ConnectionReset = "connection reset";
    public const string HostNotFound = "host not found";
    public const string TimedOut = "the request timed out";
    public const string IamService = "IAM";
    public const string AppIdService = "App ID token service";

    public static string HttpStatus(int status) => string.Create(CultureInfo.InvariantCulture, $"HTTP {status}");

    public static string UnsupportedCredentials(string typeName) => $"unsupported credentials type {typeName}";

    public static string Reason(string? code, string? message, string? fallback)
    {
        var text = string.IsNullOrWhiteSpace(message) ? fallback ?? "no reason given" : message;
        return string.IsNullOrWhiteSpace(code) ? text : $"code {code}: {text}";
    }
}
