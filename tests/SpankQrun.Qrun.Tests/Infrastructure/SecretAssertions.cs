using System.Text.RegularExpressions;
using Xunit;

namespace SpankQrun.Qrun.Tests.Infrastructure;

/// <summary>Checks that a text holds none of the secrets qrun handles.</summary>
internal static partial class SecretAssertions
{
    public static void ContainsNoSecret(string text, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("X-Amz-Signature", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("X-Amz-Credential", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Bearer ", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(JwtLike(), text);
        Assert.DoesNotMatch(OpaqueToken(), text);
    }

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{10,}\.")]
    private static partial Regex JwtLike();

    /// <summary>The emulator's tokens: 32 random bytes, base64url (43 characters).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])")]
    private static partial Regex OpaqueToken();
}
