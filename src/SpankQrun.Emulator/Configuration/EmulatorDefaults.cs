namespace SpankQrun.Emulator.Configuration;

/// <summary>Values used for keys the configuration file leaves out (the same as the shipped emulator.json).</summary>
public static class EmulatorDefaults
{
    public const string ServiceCrn = "crn:v1:local:quantum-computing:emulator::";
    public const int TokenLifetimeSecs = 3600;
    public const int ExecutionLanes = 5;
    public const int MaxSimulatedQubits = 28;
    public const string ListenUrl = "http://127.0.0.1:8290";
    public const string ConfigFileName = "emulator.json";
    public const string BackendVersion = "1.0.0";
    public const long RepDelayNs = 250_000;

    public static IReadOnlyList<AppIdClientSettings> AppIdClients { get; } = [new("demo", "demopass")];

    public static IReadOnlyList<string> IamApiKeys { get; } = ["demo-apikey"];

    public static IReadOnlyList<BackendSettings> Backends { get; } =
    [
        Backend("fake_brisbane", 127, "ecr", BackendCouplingMaps.Brisbane),
        Backend("fake_cairo", 27, "cx", BackendCouplingMaps.Cairo),
        Backend("fake_lagos", 7, "cx", BackendCouplingMaps.Lagos),
        Backend("fake_torino", 133, "cz", null),
    ];

    public static IReadOnlyList<string> BasisGates(string twoQubitGate) => [twoQubitGate, "id", "rz", "sx", "x"];

    private static BackendSettings Backend(string name, int qubits, string twoQubitGate, int[][]? couplingMap) =>
        new(name, qubits, BasisGates(twoQubitGate), couplingMap?.Select(pair => (IReadOnlyList<int>)pair).ToArray(), "online",
            QueueDelaySecs: 0, ExecutionDelaySecs: 0, Reserved: false, StrictIsa: couplingMap is not null);
}
