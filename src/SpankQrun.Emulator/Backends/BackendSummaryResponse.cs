namespace SpankQrun.Emulator.Backends;

/// <summary>
/// Wire form of a backend in GET /v1/backends and GET /v1/backends/{name}. <see cref="Message"/> gives details of
/// the status (the service's optional "message"); it is left out when there is nothing to add.
/// </summary>
public sealed record BackendSummaryResponse(string Name, string Status, string? Message = null);
