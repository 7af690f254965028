using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpankQrun.DirectAccess.Jobs;

/// <summary>One entry of an error body's <c>errors</c> array.</summary>
internal sealed class ErrorDetail
{
    /// <summary>A string in the contract ("1233"); tolerated as a number.</summary>
    [JsonPropertyName("code")]
    public JsonElement Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("solution")]
    public string? Solution { get; set; }
}
