using System.Text.Json.Serialization;

namespace SpankQrun.DirectAccess.Jobs;

/// <summary>The body of <c>POST /v1/jobs</c>.</summary>
public sealed class JobSubmission
{
    /// <summary>Client-chosen UUID.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>Backend name, e.g. <c>fake_brisbane</c>.</summary>
    [JsonPropertyName("backend")]
    public string Backend { get; set; } = string.Empty;

    /// <summary><c>sampler</c> or <c>estimator</c>.</summary>
    [JsonPropertyName("program_id")]
    public string ProgramId { get; set; } = string.Empty;

    /// <summary>One of debug, info, warning, error, critical.</summary>
    [JsonPropertyName("log_level")]
    public string LogLevel { get; set; } = "info";

    /// <summary>Maximum system execution time, at least 1.</summary>
    [JsonPropertyName("timeout_secs")]
    public long TimeoutSecs { get; set; }

    /// <summary>Presigned locations of input, results and logs.</summary>
    [JsonPropertyName("storage")]
    public JobStorageLocations Storage { get; set; } = new();
}
