using System.Text.Json.Serialization;

namespace SpankQrun.Gateway.Contract;

/// <summary>What Direct Access reported the job used.</summary>
public sealed class JobUsage
{
    /// <summary>QPU time in nanoseconds, as the service reports it.</summary>
    [JsonPropertyName("quantum_nanoseconds")]
    public long QuantumNanoseconds { get; set; }
}
