using System.Text.Json.Serialization;

namespace SpankQrun.DirectAccess.Jobs;

/// <summary>Where the service reads the input and writes results and logs.</summary>
public sealed class JobStorageLocations
{
    /// <summary>GET URL of the PUBs input.</summary>
    [JsonPropertyName("input")]
    public StorageLocation Input { get; set; } = new();

    /// <summary>PUT URL for the results document.</summary>
    [JsonPropertyName("results")]
    public StorageLocation Results { get; set; } = new();

    /// <summary>PUT URL for the service's logs (optional in the contract).</summary>
    [JsonPropertyName("logs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StorageLocation? Logs { get; set; }
}
