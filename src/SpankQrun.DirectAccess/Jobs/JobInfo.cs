using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpankQrun.DirectAccess.Jobs;

/// <summary>A job as <c>GET /v1/jobs</c> lists it (only the fields qrun reads).</summary>
public sealed class JobInfo
{
    /// <summary>The id the client chose.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>Running, Completed, Failed, Cancelled, or a newer non-final value such as Queued.</summary>
    [JsonPropertyName("status")]
    public string Status { get; set; } = string.Empty;

    /// <summary>Failure reason code (string or number on the wire).</summary>
    [JsonPropertyName("reason_code")]
    public JsonElement ReasonCodeValue { get; set; }

    /// <summary>Failure reason text.</summary>
    [JsonPropertyName("reason_message")]
    public string? ReasonMessage { get; set; }

    /// <summary>What the user can do about the failure.</summary>
    [JsonPropertyName("reason_solution")]
    public string? ReasonSolution { get; set; }

    /// <summary>What the job used (final jobs; absent on older services).</summary>
    [JsonPropertyName("usage")]
    public JobUsageInfo? Usage { get; set; }

    /// <summary>The reason code as text, if any.</summary>
    [JsonIgnore]
    public string? ReasonCode => JsonValueText.Of(ReasonCodeValue);

    /// <summary>The status as a known value.</summary>
    [JsonIgnore]
    public JobStatus KnownStatus => JobStatuses.Parse(Status);
}
