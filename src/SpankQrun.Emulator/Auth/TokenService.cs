using System.Collections.Concurrent;
using System.Security.Cryptography;
using SpankQrun.Emulator.Configuration;

namespace SpankQrun.Emulator.Auth;

/// <summary>Issues opaque random bearer tokens and checks them against the injected clock.</summary>
public sealed class TokenService(EmulatorSettings settings, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);

    public IssuedToken Issue(TokenKind kind)
    {
        var now = clock.GetUtcNow();
        foreach (var expired in _tokens.Where(pair => pair.Value.ExpiresAt <= now).Select(pair => pair.Key).ToArray())
            _tokens.TryRemove(expired, out _);

        var token = new IssuedToken(
            Base64UrlEncode(RandomNumberGenerator.GetBytes(32)),
            kind,
            now.AddSeconds(settings.TokenLifetimeSecs),
            settings.TokenLifetimeSecs);
        _tokens[token.AccessToken] = token;
        return token;
    }

    /// <summary>The live token with this value, or null when it is unknown or expired.</summary>
    public IssuedToken? Find(string accessToken) =>
        _tokens.TryGetValue(accessToken, out var token) && token.ExpiresAt > clock.GetUtcNow() ? token : null;

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
