namespace SpankQrun.Emulator.Backends;

/// <summary>Wire form of GET /v1/backends/{name}/configuration (an IBM backend configuration document).</summary>
public sealed record BackendConfigurationResponse(
    string BackendName,
    string BackendVersion,
    int NQubits,
    IReadOnlyList<string> BasisGates,
    IReadOnlyList<IReadOnlyList<int>>? CouplingMap,
    IReadOnlyList<string> SupportedInstructions,
    bool Simulator,
    bool Local,
    bool Conditional,
    bool OpenPulse,
    bool Memory,
    int MaxShots,
    int MaxExperiments,
    IReadOnlyList<BackendGateConfiguration> Gates,
    string Description);
