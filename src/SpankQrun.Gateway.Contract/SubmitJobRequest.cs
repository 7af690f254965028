using System.Text.Json.Serialization;

namespace SpankQrun.Gateway.Contract;

/// <summary>
/// Optional body of <c>POST /gateway/v1/jobs/{id}/submit</c>. A client sends the timeout here when it knows it only
/// after creating the job (qrun asks Slurm for the time left while the job is created and its input uploaded).
/// </summary>
public sealed class SubmitJobRequest
{
    /// <summary>Direct Access job timeout in seconds; replaces the one given at creation. Null keeps that one.</summary>
    [JsonPropertyName("timeout_secs")]
    public int? TimeoutSecs { get; set; }
}
