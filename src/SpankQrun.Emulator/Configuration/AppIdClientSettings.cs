namespace SpankQrun.Emulator.Configuration;

/// <summary>An App ID client id/secret pair accepted by POST /v1/token.</summary>
public sealed record AppIdClientSettings(string ClientId, string Secret);
