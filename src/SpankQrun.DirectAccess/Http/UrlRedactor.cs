using System.Text.RegularExpressions;

namespace SpankQrun.DirectAccess.Http;

/// <summary>
/// Removes query strings and user info from every URL in a text, so that presigned URLs
/// (whose query holds the signature and credential scope) never reach a log or an error message.
/// </summary>
public static partial class UrlRedactor
{
    private const string Placeholder = "?<redacted>";

    /// <summary>Returns <paramref name="text"/> with each URL's query string replaced by a placeholder.</summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var withoutQueries = UrlWithQuery().Replace(text, match => match.Groups["base"].Value + Placeholder);
        return UserInfo().Replace(withoutQueries, match => match.Groups["scheme"].Value);
    }

    /// <summary>The URL without query, fragment or user info, for messages about a request.</summary>
    public static string Redact(Uri? uri)
    {
        if (uri is null)
        {
            return string.Empty;
        }

        return uri.IsAbsoluteUri
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : Redact(uri.OriginalString);
    }

    [GeneratedRegex(@"(?<base>[a-zA-Z][a-zA-Z0-9+.-]*://[^\s?#""'<>]*)\?[^\s""'<>]*")]
    private static partial Regex UrlWithQuery();

    [GeneratedRegex(@"(?<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)[^\s/@""'<>]+@")]
    private static partial Regex UserInfo();
}
