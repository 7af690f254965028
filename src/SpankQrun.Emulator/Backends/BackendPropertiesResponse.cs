namespace SpankQrun.Emulator.Backends;

/// <summary>Wire form of GET /v1/backends/{name}/properties (an IBM backend properties document).</summary>
public sealed record BackendPropertiesResponse(
    string BackendName,
    string BackendVersion,
    DateTimeOffset LastUpdateDate,
    IReadOnlyList<IReadOnlyList<BackendNduv>> Qubits,
    IReadOnlyList<BackendGateProperties> Gates,
    IReadOnlyList<BackendNduv> General);
