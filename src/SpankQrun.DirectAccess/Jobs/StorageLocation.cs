using System.Text.Json.Serialization;

namespace SpankQrun.DirectAccess.Jobs;

/// <summary>One object of a job's storage: an S3-compatible presigned URL.</summary>
public sealed class StorageLocation
{
    /// <summary>Always <c>s3_compatible</c> for qrun.</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = "s3_compatible";

    /// <summary>The presigned URL. Secret: its query string carries the signature.</summary>
    [JsonPropertyName("presigned_url")]
    public string PresignedUrl { get; set; } = string.Empty;
}
