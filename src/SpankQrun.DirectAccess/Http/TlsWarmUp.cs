using System.Security.Cryptography;

namespace SpankQrun.DirectAccess.Http;

/// <summary>
/// Loads OpenSSL (libssl and libcrypto: some 9 ms of CPU on Linux) on a pool thread when one of a run's endpoints is
/// https, so that it loads while the run starts up instead of inside its first TLS connection. Over plain http
/// (a site's own gateway or S3 store, the emulator) nothing here needs OpenSSL, and it is not loaded.
/// </summary>
public static class TlsWarmUp
{
    public static void StartIfAnyHttps(params ReadOnlySpan<Uri?> endpoints)
    {
        foreach (var endpoint in endpoints)
        {
            if (endpoint is not null && string.Equals(endpoint.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase))
            {
                ThreadPool.UnsafeQueueUserWorkItem(static _ => Load(), null);
                return;
            }
        }
    }

    private static void Load()
    {
        try
        {
            // The first use of System.Security.Cryptography loads the same OpenSSL libraries TLS uses.
            SHA256.HashData(ReadOnlySpan<byte>.Empty);
        }
        catch (Exception exception) when (exception is CryptographicException or TypeInitializationException or DllNotFoundException or EntryPointNotFoundException)
        {
            // Nothing to do here: the first TLS connection meets the same failure and reports it.
        }
    }
}
