namespace SpankQrun.Emulator.Configuration;

/// <summary>One emulated backend.</summary>
public sealed record BackendSettings(
    string Name,
    int NumQubits,
    IReadOnlyList<string> BasisGates,
    IReadOnlyList<IReadOnlyList<int>>? CouplingMap,
    string Status,
    double QueueDelaySecs,
    double ExecutionDelaySecs);
