namespace SpankQrun.Emulator.Configuration;

/// <summary>A "backends" entry of the configuration file.</summary>
public sealed class BackendConfigEntry
{
    public string? Name { get; set; }
    public int? NumQubits { get; set; }
    public List<string>? BasisGates { get; set; }
    public List<List<int>>? CouplingMap { get; set; }
    public string? Status { get; set; }
    public double? QueueDelaySecs { get; set; }
    public double? ExecutionDelaySecs { get; set; }
    public bool? Reserved { get; set; }
    public int? Lanes { get; set; }
    public string? Version { get; set; }
    public string? Message { get; set; }
    public string? Isa { get; set; }
    public Dictionary<string, long>? GateTimesNs { get; set; }
    public long? RepDelayNs { get; set; }
}
