namespace SpankQrun.Emulator.Versioning;

/// <summary>Wire form of GET /versions: the IBM-API-Version values served, and the Direct Access version.</summary>
public sealed record VersionsResponse(IReadOnlyList<string> Versions, string Version);
