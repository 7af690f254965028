using System.Text.Json.Serialization;

namespace SpankQrun.Gateway.Contract;

/// <summary>A gateway job as <c>GET /gateway/v1/jobs/{id}</c> shows it to its owner.</summary>
public sealed class JobView
{
    /// <summary>The gateway job id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>The Slurm job it belongs to.</summary>
    [JsonPropertyName("slurm_job_id")]
    public string SlurmJobId { get; set; } = string.Empty;

    /// <summary>The Slurm step that created it.</summary>
    [JsonPropertyName("slurm_step_id")]
    public string? SlurmStepId { get; set; }

    /// <summary>The backend.</summary>
    [JsonPropertyName("backend")]
    public string Backend { get; set; } = string.Empty;

    /// <summary>sampler or estimator.</summary>
    [JsonPropertyName("program_id")]
    public string ProgramId { get; set; } = string.Empty;

    /// <summary>One of <see cref="GatewayJobStatus"/>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; set; } = string.Empty;

    /// <summary>The timeout_secs it was (or will be) submitted with.</summary>
    [JsonPropertyName("timeout_secs")]
    public int TimeoutSecs { get; set; }

    /// <summary>When the gateway created it.</summary>
    [JsonPropertyName("created_time")]
    public DateTimeOffset CreatedTime { get; set; }

    /// <summary>When it reached a final status.</summary>
    [JsonPropertyName("end_time")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? EndTime { get; set; }

    /// <summary>Direct Access's reason code for a failure.</summary>
    [JsonPropertyName("reason_code")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReasonCode { get; set; }

    /// <summary>Direct Access's reason text.</summary>
    [JsonPropertyName("reason_message")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReasonMessage { get; set; }

    /// <summary>What the user can do about it.</summary>
    [JsonPropertyName("reason_solution")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReasonSolution { get; set; }

    /// <summary>Usage, once Direct Access reports it.</summary>
    [JsonPropertyName("usage")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JobUsage? Usage { get; set; }

    /// <summary>Short-lived presigned GET of the results (Completed only).</summary>
    [JsonPropertyName("results_url")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ResultsUrl { get; set; }

    /// <summary>Short-lived presigned GET of the job's logs (final only).</summary>
    [JsonPropertyName("logs_url")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LogsUrl { get; set; }
}
