namespace SpankQrun.Emulator.Backends;

/// <summary>Wire form of GET /v1/backends.</summary>
public sealed record BackendListResponse(IReadOnlyList<BackendSummaryResponse> Backends);
