using System.Globalization;
using System.Text;

namespace SpankQrun.DirectAccess.Storage;

/// <summary>
/// AWS Signature Version 4 query-string signing (presigned URLs) for path-style S3 requests: the one piece of AWS
/// that qrun, the gateway and qrun-admin need. It replaced AWSSDK.S3, whose client construction, endpoint rules
/// and presigning were about a third of qrun's CPU per Bell job, and whose types a third of the NativeAOT image
/// qrun rehydrates at every start. The tests check every URL against AWSSDK.S3's for the same request and time.
/// </summary>
/// <remarks>
/// Only the <c>host</c> header is signed and the payload is <c>UNSIGNED-PAYLOAD</c>, so whoever holds the URL may
/// send any body and content type (the service's PUT of results and logs does). The canonical URI encodes each path
/// segment once, as S3 expects.
/// </remarks>
internal static class SigV4Presigner
{
    /// <summary>The longest validity SigV4 allows: seven days.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);

    private const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>
    /// A URL that lets its holder send <paramref name="method"/> on <paramref name="key"/> in the bucket of
    /// <paramref name="options"/> from <paramref name="now"/> for <paramref name="validFor"/> (1 s to
    /// <see cref="MaxLifetime"/>). Secret: it carries a signature.
    /// </summary>
    public static string Presign(S3StorageOptions options, string method, string key, DateTimeOffset now, TimeSpan validFor)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var endpoint = options.Endpoint;
        return PresignPath(
            new Credentials(options.AccessKeyId, options.SecretAccessKey, options.Region),
            method,
            endpoint.Scheme,
            endpoint.Authority,
            CanonicalPath(endpoint, options.Bucket, key),
            now,
            validFor);
    }

    /// <summary>
    /// The presigned URL of <paramref name="method"/> on <paramref name="path"/> (already canonical: each segment
    /// encoded) at <paramref name="scheme"/>://<paramref name="authority"/>; what <see cref="Presign"/> builds on, and
    /// what AWS's published examples (virtual-hosted style) check.
    /// </summary>
    public static string PresignPath(Credentials credentials, string method, string scheme, string authority, string path, DateTimeOffset now, TimeSpan validFor)
    {
        if (validFor < TimeSpan.FromSeconds(1) || validFor > MaxLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(validFor), validFor, $"a presigned URL is valid for 1 s to {MaxLifetime.TotalDays:0} days");
        }

        var time = now.UtcDateTime;
        var date = time.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var stamp = time.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var scope = $"{date}/{credentials.Region}/s3/aws4_request";

        // Parameters in byte order of their names, names and values encoded.
        var query = new StringBuilder()
            .Append("X-Amz-Algorithm=").Append(Algorithm)
            .Append("&X-Amz-Credential=").Append(Encode($"{credentials.AccessKeyId}/{scope}", keepSlash: false))
            .Append("&X-Amz-Date=").Append(stamp)
            .Append("&X-Amz-Expires=").Append(((long)validFor.TotalSeconds).ToString(CultureInfo.InvariantCulture))
            .Append("&X-Amz-SignedHeaders=host")
            .ToString();
        var canonicalRequest = $"{method}\n{path}\n{query}\nhost:{authority}\n\nhost\nUNSIGNED-PAYLOAD";
        var stringToSign = $"{Algorithm}\n{stamp}\n{scope}\n{Hex(SigningHashes.Sha256(Encoding.UTF8.GetBytes(canonicalRequest)))}";

        var key0 = SigningHashes.HmacSha256(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretAccessKey), Encoding.UTF8.GetBytes(date));
        var key1 = SigningHashes.HmacSha256(key0, Encoding.UTF8.GetBytes(credentials.Region));
        var key2 = SigningHashes.HmacSha256(key1, "s3"u8);
        var signingKey = SigningHashes.HmacSha256(key2, "aws4_request"u8);
        var signature = Hex(SigningHashes.HmacSha256(signingKey, Encoding.UTF8.GetBytes(stringToSign)));

        return $"{scheme}://{authority}{path}?{query}&X-Amz-Signature={signature}";
    }

    /// <summary>Who signs, and for which region. <see cref="ToString"/> leaves the secret out.</summary>
    public sealed record Credentials(string AccessKeyId, string SecretAccessKey, string Region)
    {
        /// <inheritdoc />
        public override string ToString() => $"Credentials {{ AccessKeyId = {AccessKeyId}, Region = {Region} }}";
    }

    /// <summary>The endpoint's own path (if any), then <c>/bucket/key</c>, every segment encoded once.</summary>
    private static string CanonicalPath(Uri endpoint, string bucket, string key)
    {
        var path = new StringBuilder();
        foreach (var segment in endpoint.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path.Append('/').Append(Encode(Uri.UnescapeDataString(segment), keepSlash: false));
        }

        return path.Append('/').Append(Encode(bucket, keepSlash: false)).Append('/').Append(Encode(key, keepSlash: true)).ToString();
    }

    /// <summary>RFC 3986 percent-encoding of UTF-8 bytes: everything but A–Z a–z 0–9 - _ . ~ (and / when kept).</summary>
    private static string Encode(string text, bool keepSlash)
    {
        var encoded = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~' || (keepSlash && b == (byte)'/'))
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
