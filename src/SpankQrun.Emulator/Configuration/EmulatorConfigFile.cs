namespace SpankQrun.Emulator.Configuration;

/// <summary>The configuration file as written on disk; every key is optional and has a default.</summary>
public sealed class EmulatorConfigFile
{
    public string? ServiceCrn { get; set; }
    public int? TokenLifetimeSecs { get; set; }
    public int? ExecutionLanes { get; set; }
    public int? MaxSimulatedQubits { get; set; }
    public int? SimulatorSeed { get; set; }
    public List<AppIdClientConfigEntry>? AppIdClients { get; set; }
    public List<string>? IamApiKeys { get; set; }
    public List<BackendConfigEntry>? Backends { get; set; }
    public long? MaxOperations { get; set; }
    public long? MaxInputBytes { get; set; }
    public long? MaxRequestBodyBytes { get; set; }
    public long? MemoryBudgetBytes { get; set; }
    public List<string>? StorageEndpoints { get; set; }
    public bool? AllowLoopbackStorage { get; set; }
}
