using System.Text.Json.Serialization;

namespace SpankQrun.Gateway.Contract;

/// <summary>Answer of <c>POST /gateway/v1/jobs</c> (201).</summary>
public sealed class CreateJobResponse
{
    /// <summary>The gateway job id (also the Direct Access job id).</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>Presigned PUT for this job's input object only; the client uploads the input bytes to it.</summary>
    [JsonPropertyName("input_upload_url")]
    public string InputUploadUrl { get; set; } = string.Empty;

    /// <summary>When <see cref="InputUploadUrl"/> stops working.</summary>
    [JsonPropertyName("input_upload_expires_at")]
    public DateTimeOffset InputUploadExpiresAt { get; set; }

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
