namespace SpankQrun.Emulator.Configuration;

/// <summary>
/// One emulated backend. A <see cref="Reserved"/> backend refuses new jobs with 423 code 1233 and reports
/// <c>locked</c>. <see cref="Lanes"/> jobs at most may exist on it at once; <see cref="StrictIsa"/> refuses
/// circuits outside its basis gates and coupling map; gate times and the repetition delay drive the usage figures.
/// </summary>
public sealed record BackendSettings(
    string Name,
    int NumQubits,
    IReadOnlyList<string> BasisGates,
    IReadOnlyList<IReadOnlyList<int>>? CouplingMap,
    string Status,
    double QueueDelaySecs,
    double ExecutionDelaySecs,
    bool Reserved,
    int Lanes = EmulatorDefaults.ExecutionLanes,
    string Version = EmulatorDefaults.BackendVersion,
    string? Message = null,
    bool StrictIsa = false,
    IReadOnlyDictionary<string, long>? GateTimesNs = null,
    long RepDelayNs = EmulatorDefaults.RepDelayNs);
