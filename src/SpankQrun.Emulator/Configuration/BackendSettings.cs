namespace SpankQrun.Emulator.Configuration;

/// <summary>One emulated backend. A <see cref="Reserved"/> backend refuses new jobs with 423 code 1233.</summary>
public sealed record BackendSettings(
    string Name,
    int NumQubits,
    IReadOnlyList<string> BasisGates,
    IReadOnlyList<IReadOnlyList<int>>? CouplingMap,
    string Status,
    double QueueDelaySecs,
    double ExecutionDelaySecs,
    bool Reserved);
