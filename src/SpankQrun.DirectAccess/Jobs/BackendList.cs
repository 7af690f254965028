using System.Text.Json.Serialization;

namespace SpankQrun.DirectAccess.Jobs;

/// <summary>The body of <c>GET /v1/backends</c>.</summary>
internal sealed class BackendList
{
    [JsonPropertyName("backends")]
    public List<BackendInfo>? Backends { get; set; }
}
