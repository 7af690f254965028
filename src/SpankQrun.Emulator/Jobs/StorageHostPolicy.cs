using System.Net;
using SpankQrun.Emulator.Configuration;

namespace SpankQrun.Emulator.Jobs;

/// <summary>
/// Which presigned URLs the emulator may fetch from or write to: those on a configured storage endpoint (same scheme,
/// host and port) and, unless allow_loopback_storage is false, those on a loopback host (localhost, 127.0.0.0/8, ::1).
/// Hosts are compared by name as written in the URL.
/// </summary>
public sealed class StorageHostPolicy(EmulatorSettings settings)
{
    public bool IsAllowed(Uri url)
    {
        if (settings.Limits.AllowLoopbackStorage && IsLoopback(url))
            return true;
        return settings.Limits.StorageEndpoints.Any(endpoint =>
            string.Equals(endpoint.Scheme, url.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(endpoint.IdnHost, url.IdnHost, StringComparison.OrdinalIgnoreCase)
            && endpoint.Port == url.Port);
    }

    /// <summary>What is allowed, for messages: never a query string.</summary>
    public string Describe()
    {
        var allowed = settings.Limits.StorageEndpoints.Select(endpoint => endpoint.GetLeftPart(UriPartial.Authority)).ToList();
        if (settings.Limits.AllowLoopbackStorage)
            allowed.Insert(0, "loopback hosts");
        return allowed.Count == 0 ? "none" : string.Join(", ", allowed);
    }

    private static bool IsLoopback(Uri url) =>
        string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
