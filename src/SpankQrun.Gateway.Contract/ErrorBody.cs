using System.Text.Json.Serialization;

namespace SpankQrun.Gateway.Contract;

/// <summary>Every error answer; the same shape as a Direct Access error body.</summary>
public sealed class ErrorBody
{
    /// <summary>The HTTP status.</summary>
    [JsonPropertyName("status_code")]
    public int StatusCode { get; set; }

    /// <summary>Short summary.</summary>
    [JsonPropertyName("title")]
    public string Title { get; set; } = string.Empty;

    /// <summary>Request id, to find the gateway's log line.</summary>
    [JsonPropertyName("trace")]
    public string Trace { get; set; } = string.Empty;

    /// <summary>The problems.</summary>
    [JsonPropertyName("errors")]
    public List<ErrorItem> Errors { get; set; } = [];
}

/// <summary>One problem of an <see cref="ErrorBody"/>.</summary>
public sealed class ErrorItem
{
    /// <summary>Machine-readable code (Direct Access's code when passed on).</summary>
    [JsonPropertyName("code")]
    public string Code { get; set; } = string.Empty;

    /// <summary>What went wrong.</summary>
    [JsonPropertyName("message")]
    public string Message { get; set; } = string.Empty;

    /// <summary>What to do about it.</summary>
    [JsonPropertyName("solution")]
    public string Solution { get; set; } = string.Empty;
}
