namespace SpankQrun.Simulator.Targets;

/// <summary>
/// The backend a job runs for: its qubits, ISA (basis gates and coupling map) and gate times. The simulator
/// refuses circuits that name qubits the backend lacks and, when <see cref="StrictIsa"/>, instructions that are
/// not the backend's; the gate times give the deterministic schedule duration used for usage figures.
/// </summary>
/// <param name="Name">Backend name, used in messages.</param>
/// <param name="NumQubits">Physical qubits $0 .. $(NumQubits-1).</param>
/// <param name="BasisGates">Gate names the backend runs natively; null means any gate.</param>
/// <param name="CouplingMap">Directed pairs a two-qubit gate may act on; null means all-to-all.</param>
/// <param name="StrictIsa">Refuse non-basis gates and uncoupled pairs before any shot runs.</param>
/// <param name="GateTimesNs">Per-gate durations overriding <see cref="ScheduleModel"/>'s defaults.</param>
/// <param name="RepDelayNs">Idle time after every shot, counted in quantum time.</param>
public sealed record BackendTarget(
    string Name,
    int NumQubits,
    IReadOnlyCollection<string>? BasisGates = null,
    IReadOnlyList<IReadOnlyList<int>>? CouplingMap = null,
    bool StrictIsa = false,
    IReadOnlyDictionary<string, long>? GateTimesNs = null,
    long RepDelayNs = ScheduleModel.DefaultRepDelayNs)
{
    private HashSet<string>? _basis;
    private HashSet<(int, int)>? _edges;

    internal bool IsBasisGate(string name)
    {
        if (BasisGates is null)
            return true;
        _basis ??= new HashSet<string>(BasisGates, StringComparer.Ordinal);
        return _basis.Contains(name);
    }

    internal bool IsCoupled(int first, int second)
    {
        if (CouplingMap is null)
            return true;
        _edges ??= [.. CouplingMap.Where(pair => pair.Count == 2).Select(pair => (pair[0], pair[1]))];
        return _edges.Contains((first, second));
    }

    internal long? GateTime(string name) => GateTimesNs is not null && GateTimesNs.TryGetValue(name, out var time) ? time : null;
}
