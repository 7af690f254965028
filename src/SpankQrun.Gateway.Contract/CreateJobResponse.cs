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
}
