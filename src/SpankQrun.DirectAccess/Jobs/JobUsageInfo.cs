using System.Text.Json.Serialization;

namespace SpankQrun.DirectAccess.Jobs;

/// <summary>A final job's <c>usage</c> as the service reports it.</summary>
public sealed class JobUsageInfo
{
    /// <summary>QPU time in nanoseconds.</summary>
    [JsonPropertyName("quantum_nanoseconds")]
    public long? QuantumNanoseconds { get; set; }
}
