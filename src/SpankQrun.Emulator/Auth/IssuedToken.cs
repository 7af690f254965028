namespace SpankQrun.Emulator.Auth;

/// <summary>A bearer token handed out by the emulator.</summary>
public sealed record IssuedToken(string AccessToken, TokenKind Kind, DateTimeOffset ExpiresAt, int ExpiresInSecs);
