using System.Text.Json.Serialization;

namespace SpankQrun.Gateway.Contract;

/// <summary>
/// Answer of <c>POST /gateway/v1/jobs</c>: 201 with an upload URL, or 202 with <see cref="Status"/> and the timeout
/// when the request carried the input (the job is then submitted). A gateway that predates inline inputs ignores
/// them and answers 201: the client then uploads and submits.
/// </summary>
public sealed class CreateJobResponse
{
    /// <summary>The gateway job id (also the Direct Access job id).</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>Presigned PUT for this job's input object only; the client uploads the input bytes to it (201 only).</summary>
    [JsonPropertyName("input_upload_url")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InputUploadUrl { get; set; }

    /// <summary>When <see cref="InputUploadUrl"/> stops working (201 only).</summary>
    [JsonPropertyName("input_upload_expires_at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? InputUploadExpiresAt { get; set; }

    /// <summary>One of <see cref="GatewayJobStatus"/> once the job is submitted (202: the input came inline); absent otherwise.</summary>
    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Status { get; set; }

    /// <summary>The timeout_secs the job was submitted with (202 only).</summary>
    [JsonPropertyName("timeout_secs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TimeoutSecs { get; set; }

    /// <summary>Why the gateway chose <see cref="TimeoutSecs"/>: one of <see cref="TimeoutSources"/> (202 only).</summary>
    [JsonPropertyName("timeout_source")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TimeoutSource { get; set; }

    /// <summary>
    /// True when the gateway read the Slurm job's time limit from its own Slurm record: then
    /// <see cref="SlurmEndTime"/> is when the limit ends the job, or null when the job has none. False when it could not,
    /// and absent from older gateways: the client then asks Slurm itself.
    /// </summary>
    [JsonPropertyName("slurm_time_limit_known")]
    public bool SlurmTimeLimitKnown { get; set; }

    /// <summary>When the Slurm job's time limit ends it (Slurm's EndTime, UTC); null without a limit.</summary>
    [JsonPropertyName("slurm_end_time")]
    public DateTimeOffset? SlurmEndTime { get; set; }
}
