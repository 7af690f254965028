namespace SpankQrun.Emulator.Backends;

/// <summary>Wire form of a backend in GET /v1/backends and GET /v1/backends/{name}.</summary>
public sealed record BackendSummaryResponse(string Name, string Status);
