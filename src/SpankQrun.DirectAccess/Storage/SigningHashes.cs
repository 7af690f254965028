using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace SpankQrun.DirectAccess.Storage;

/// <summary>
/// SHA-256 and HMAC-SHA256 for <see cref="SigV4Presigner"/>, in managed code (BouncyCastle) rather than through
/// System.Security.Cryptography: on Linux that loads and initialises OpenSSL (libssl and libcrypto, about 9 ms of CPU
/// and 170 page faults at every qrun start, beside the runtime's own start on a machine with few cores) for the few
/// hundred bytes a presigned URL hashes. The tests check these against System.Security.Cryptography's.
/// </summary>
internal static class SigningHashes
{
    private const int Length = 32;

    public static byte[] Sha256(ReadOnlySpan<byte> data)
    {
        var digest = new Sha256Digest();
        digest.BlockUpdate(data);
        var hash = new byte[Length];
        digest.DoFinal(hash);
        return hash;
    }

    public static byte[] HmacSha256(byte[] key, ReadOnlySpan<byte> data)
    {
        var mac = new HMac(new Sha256Digest());
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(data);
        var hash = new byte[Length];
        mac.DoFinal(hash);
        return hash;
    }
}
