namespace SpankQrun.Emulator.Backends;

/// <summary>
/// Wire form of a backend in GET /v1/backends and GET /v1/backends/{name}. <see cref="Message"/> gives details of
/// the status (left out when there is nothing to add); <see cref="Locked"/> is reported for online backends only:
/// true while a reservation holds the backend.
/// </summary>
public sealed record BackendSummaryResponse(string Name, string Status, string? Message = null, string? Version = null, bool? Locked = null);
