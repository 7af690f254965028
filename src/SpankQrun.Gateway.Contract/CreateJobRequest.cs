using System.Text.Json.Serialization;

namespace SpankQrun.Gateway.Contract;

/// <summary>
/// Body of <c>POST /gateway/v1/jobs</c>. Without <see cref="Input"/>, the gateway creates the job and hands out a
/// presigned PUT for its input (then <c>POST .../submit</c>). With it (at most <see cref="InlineInput.MaxBytes"/>),
/// the gateway stores the input, chooses the timeout and submits the job in this one request.
/// </summary>
public sealed class CreateJobRequest
{
    /// <summary>The Slurm job the caller runs in (SLURM_JOB_ID); the gateway checks it with Slurm.</summary>
    [JsonPropertyName("slurm_job_id")]
    public string SlurmJobId { get; set; } = string.Empty;

    /// <summary>The Slurm step (SLURM_STEP_ID), recorded for usage.</summary>
    [JsonPropertyName("slurm_step_id")]
    public string? SlurmStepId { get; set; }

    /// <summary>The backend (IBMQRUN_BACKEND); must be the one the Slurm job was submitted for.</summary>
    [JsonPropertyName("backend")]
    public string Backend { get; set; } = string.Empty;

    /// <summary>sampler or estimator (IBMQRUN_PRIMITIVE).</summary>
    [JsonPropertyName("program_id")]
    public string ProgramId { get; set; } = string.Empty;

    /// <summary>Direct Access job timeout in seconds.</summary>
    [JsonPropertyName("timeout_secs")]
    public int? TimeoutSecs { get; set; }

    /// <summary>Direct Access log level.</summary>
    [JsonPropertyName("log_level")]
    public string? LogLevel { get; set; }

    /// <summary>
    /// The job id the client chose (a UUID), with <see cref="Input"/> only: a retried request then names the same job,
    /// and the gateway answers 409 once it is submitted, so a lost answer never runs a job twice.
    /// </summary>
    [JsonPropertyName("id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; set; }

    /// <summary>The input itself (a JSON value), to create and submit the job in one request.</summary>
    [JsonPropertyName("input")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public InlineInput? Input { get; set; }

    /// <summary>Size of the input the client will upload (or sends inline), in bytes.</summary>
    [JsonPropertyName("input_bytes")]
    public long InputBytes { get; set; }
}
