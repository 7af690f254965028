using System.Text.Json.Serialization;

namespace SpankQrun.DirectAccess.Jobs;

/// <summary>One backend as <c>GET /v1/backends</c> lists it.</summary>
public sealed class BackendInfo
{
    /// <summary>The backend's name, e.g. <c>ibm_torino</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary><c>online</c>, <c>offline</c> or <c>paused</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Details of the status, when the service gives any (e.g. maintenance).</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
