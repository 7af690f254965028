using System.Text.Json.Serialization;

namespace SpankQrun.Gateway.Contract;

/// <summary>Answer of <c>GET /gateway/v1/jobs</c>: the caller's jobs only.</summary>
public sealed class JobList
{
    /// <summary>The jobs, newest first.</summary>
    [JsonPropertyName("jobs")]
    public List<JobView> Jobs { get; set; } = [];
}
