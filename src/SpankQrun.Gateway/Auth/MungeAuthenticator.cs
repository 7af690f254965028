using System.Security.Cryptography;
using System.Text;
using SpankQrun.Gateway.Contract;
using SpankQrun.Gateway.Store;
using SpankQrun.Munge;

namespace SpankQrun.Gateway.Auth;

/// <summary>
/// Checks <c>Authorization: MUNGE &lt;credential&gt;</c>: munged must decode it (not forged, expired or replayed on
/// this host), its payload must name this request's method and path, and no gateway instance may have seen it
/// before (the database keeps each credential's hash until it expires).
/// </summary>
public sealed class MungeAuthenticator(GatewayStore store, TimeProvider time)
{
    private static readonly TimeSpan DefaultTtl = TimeSpan.FromMinutes(5);

    public async Task<AuthenticationResult> AuthenticateAsync(string? header, string method, string path, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(header))
            return AuthenticationResult.Refused(GatewayMessages.AuthMissing);
        var prefix = GatewayAuthentication.Scheme + " ";
        if (!header.StartsWith(prefix, StringComparison.Ordinal))
            return AuthenticationResult.Refused(GatewayMessages.AuthWrongScheme);
        var credential = header[prefix.Length..].Trim();

        MungeDecodeResult decoded;
        try
        {
            decoded = await Task.Run(() => MungeCredentials.Decode(credential), cancellationToken).ConfigureAwait(false);
        }
        catch (MungeException e)
        {
            return new AuthenticationResult(null, GatewayMessages.MungeUnavailable(e.Message), ServiceUnavailable: true);
        }

        if (decoded.Status == MungeStatus.Socket)
            return new AuthenticationResult(null, GatewayMessages.MungeUnavailable(decoded.Message), ServiceUnavailable: true);
        if (!decoded.IsSuccess)
            return AuthenticationResult.Refused(GatewayMessages.CredentialRefused(decoded.Status.ToString(), decoded.Message));

        var expected = GatewayAuthentication.Payload(method, path);
        if (!decoded.Payload.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(expected)))
            return AuthenticationResult.Refused(GatewayMessages.CredentialForOtherRequest(decoded.Uid));

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(credential)));
        var now = time.GetUtcNow();
        var expires = (decoded.EncodeTime ?? now) + (decoded.Ttl ?? DefaultTtl) + TimeSpan.FromMinutes(1);
        if (!await store.TryRecordCredentialAsync(hash, expires, now, cancellationToken).ConfigureAwait(false))
            return AuthenticationResult.Refused(GatewayMessages.CredentialReplayedAcrossInstances(decoded.Uid));
        return new AuthenticationResult(new Caller(decoded.Uid, decoded.Gid), null);
    }
}
