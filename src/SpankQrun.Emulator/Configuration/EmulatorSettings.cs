namespace SpankQrun.Emulator.Configuration;

/// <summary>The emulator's configuration file (emulator.json), validated and ready to use.</summary>
public sealed record EmulatorSettings(
    string ServiceCrn,
    int TokenLifetimeSecs,
    int ExecutionLanes,
    int MaxSimulatedQubits,
    int? SimulatorSeed,
    IReadOnlyList<AppIdClientSettings> AppIdClients,
    IReadOnlyList<string> IamApiKeys,
    IReadOnlyList<BackendSettings> Backends,
    EmulatorLimits Limits)
{
    public BackendSettings? FindBackend(string name) =>
        Backends.FirstOrDefault(backend => string.Equals(backend.Name, name, StringComparison.Ordinal));
}
