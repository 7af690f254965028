using System.Text.Json.Serialization;

namespace SpankQrun.Gateway.Contract;

/// <summary>Answer of <c>GET /gateway/v1/health</c>.</summary>
public sealed class HealthResponse
{
    /// <summary>ok, or what is unusable.</summary>
    [JsonPropertyName("status")]
    public string Status { get; set; } = string.Empty;

    /// <summary>The gateway's version.</summary>
    [JsonPropertyName("version")]
    public string Version { get; set; } = string.Empty;
}
