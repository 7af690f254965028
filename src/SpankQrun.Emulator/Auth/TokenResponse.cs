namespace SpankQrun.Emulator.Auth;

/// <summary>Wire form of a token grant; App ID grants carry no <see cref="Expiration"/>.</summary>
public sealed record TokenResponse(string AccessToken, int ExpiresIn, long? Expiration, string TokenType);
