using System.Text.Json.Serialization;

namespace SpankQrun.Emulator.Jobs;

/// <summary>One presigned object URL of a job. Its query string is a secret: never log or echo it.</summary>
public sealed record StorageLocation(string Type, Uri PresignedUrl)
{
    /// <summary>The URL without its query string, safe for logs and messages.</summary>
    [JsonIgnore]
    public string Redacted => PresignedUrl.GetLeftPart(UriPartial.Path);
}
