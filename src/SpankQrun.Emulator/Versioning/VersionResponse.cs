namespace SpankQrun.Emulator.Versioning;

/// <summary>Wire form of GET /version.</summary>
public sealed record VersionResponse(string Version);
