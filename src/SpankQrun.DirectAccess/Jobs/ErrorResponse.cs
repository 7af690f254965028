using System.Text.Json.Serialization;

namespace SpankQrun.DirectAccess.Jobs;

/// <summary>The Direct Access error body: <c>{"status_code":423,"title":"...","errors":[...]}</c>.</summary>
internal sealed class ErrorResponse
{
    [JsonPropertyName("status_code")]
    public int? StatusCode { get; set; }

    [JsonPropertyName("title")]
    public string? Title { get; set; }

    [JsonPropertyName("errors")]
    public List<ErrorDetail>? Errors { get; set; }
}
