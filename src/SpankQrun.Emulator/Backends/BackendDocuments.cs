using SpankQrun.Emulator.Configuration;
using SpankQrun.Simulator.Targets;

namespace SpankQrun.Emulator.Backends;

/// <summary>Builds the IBM-style configuration and properties documents of an emulated backend.</summary>
public static class BackendDocuments
{
    private static readonly string[] TwoQubitGates = ["cx", "cz", "ecr"];
    private static readonly string[] ParameterisedGates = ["rz", "rx", "ry", "p", "u1"];

    // Today's API reports a reservation as "locked" on an online backend; the configured message wins over the default one.
    public static BackendSummaryResponse Summary(BackendSettings backend) => new(
        backend.Name,
        backend.Status,
        backend.Message ?? (backend.Reserved ? EmulatorMessages.BackendReservedStatus : null),
        backend.Version,
        backend.Status == "online" ? backend.Reserved : null);

    public static BackendLanesResponse Lanes(BackendSettings backend) => new(new LaneConfiguration(backend.Lanes), new LaneConfiguration(0));

    public static BackendConfigurationResponse Configuration(BackendSettings backend, int maxSimulatedQubits) => new(
        BackendName: backend.Name,
        BackendVersion: backend.Version,
        NQubits: backend.NumQubits,
        BasisGates: backend.BasisGates,
        CouplingMap: backend.CouplingMap,
        SupportedInstructions: [.. backend.BasisGates, "barrier", "measure", "delay", "reset"],
        Simulator: true,
        Local: true,
        Conditional: false,
        OpenPulse: false,
        Memory: true,
        MaxShots: 100_000,
        MaxExperiments: 300,
        Gates: [.. backend.BasisGates.Select(Gate)],
        Description: EmulatorMessages.BackendDescription(backend.NumQubits, maxSimulatedQubits));

    public static BackendPropertiesResponse Properties(BackendSettings backend, DateTimeOffset now)
    {
        var qubits = Enumerable.Range(0, backend.NumQubits)
            .Select(_ => (IReadOnlyList<BackendNduv>)
            [
                new BackendNduv(now, "T1", "us", 100),
                new BackendNduv(now, "T2", "us", 100),
                new BackendNduv(now, "frequency", "GHz", 5),
                new BackendNduv(now, "readout_error", "", 0),
            ])
            .ToArray();

        var gates = new List<BackendGateProperties>();
        foreach (var gate in backend.BasisGates)
        {
            if (TwoQubitGates.Contains(gate, StringComparer.Ordinal))
            {
                foreach (var pair in backend.CouplingMap ?? [])
                    gates.Add(GateProperties(gate, pair, now, GateLength(backend, gate, 2)));
            }
            else
            {
                for (var qubit = 0; qubit < backend.NumQubits; qubit++)
                    gates.Add(GateProperties(gate, [qubit], now, GateLength(backend, gate, 1)));
            }
        }

        return new BackendPropertiesResponse(backend.Name, backend.Version, now, qubits, gates, []);
    }

    private static BackendGateConfiguration Gate(string name) =>
        ParameterisedGates.Contains(name, StringComparer.Ordinal)
            ? new BackendGateConfiguration(name, ["theta"], $"gate {name}(theta) q {{ U(0, 0, theta) q; }}")
            : new BackendGateConfiguration(name, [], "");

    private static double GateLength(BackendSettings backend, string gate, int qubits) =>
        ScheduleModel.GateTime(backend.ToTarget(), gate, qubits);

    private static BackendGateProperties GateProperties(string gate, IReadOnlyList<int> qubits, DateTimeOffset now, double lengthNs) =>
        new(gate, qubits, [new BackendNduv(now, "gate_error", "", 0), new BackendNduv(now, "gate_length", "ns", lengthNs)],
            $"{gate}{string.Join('_', qubits)}");
}
