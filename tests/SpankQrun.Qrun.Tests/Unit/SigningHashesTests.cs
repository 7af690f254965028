using System.Security.Cryptography;
using System.Text;
using SpankQrun.DirectAccess.Storage;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

/// <summary>The presigner's managed hashes give the platform's (OpenSSL's) bytes, for every length that matters to SHA-256's padding.</summary>
public sealed class SigningHashesTests
{
    public static TheoryData<int> Lengths => [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 100_000];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Sha256_IsThePlatformsSha256(int length)
    {
        var data = Bytes(length, seed: length);

        Assert.Equal(SHA256.HashData(data), SigningHashes.Sha256(data));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void HmacSha256_IsThePlatformsHmac_ForKeysShorterAndLongerThanABlock(int length)
    {
        var data = Bytes(length, seed: 7 * length);
        foreach (var keyLength in new[] { 1, 32, 63, 64, 65, 200 })
        {
            var key = Bytes(keyLength, seed: keyLength);

            Assert.Equal(HMACSHA256.HashData(key, data), SigningHashes.HmacSha256(key, data));
        }
    }

    [Fact]
    public void Sha256_OfAKnownString_IsTheStandardsAnswer()
    {
        // FIPS 180-2, appendix B.1.
        Assert.Equal(
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            Convert.ToHexStringLower(SigningHashes.Sha256(Encoding.ASCII.GetBytes("abc"))));
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
