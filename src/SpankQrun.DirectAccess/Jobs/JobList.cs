using System.Text.Json.Serialization;

namespace SpankQrun.DirectAccess.Jobs;

/// <summary>The body of <c>GET /v1/jobs</c>.</summary>
internal sealed class JobList
{
    [JsonPropertyName("jobs")]
    public List<JobInfo>? Jobs { get; set; }
}
