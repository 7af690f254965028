namespace SpankQrun.DirectAccess.Http;

/// <summary>Joins a service base URL (which may carry a path prefix) and a relative path.</summary>
internal static class Endpoints
{
    public static Uri Combine(Uri baseUri, string relativePath) =>
        new(baseUri.AbsoluteUri.TrimEnd('/') + "/" + relativePath.TrimStart('/'));
}
