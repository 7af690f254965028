using System.Text.Json.Serialization;

namespace SpankQrun.DirectAccess.Auth;

/// <summary>IAM's error body: <c>{"errorCode":"BXNIM0415E","errorMessage":"..."}</c>.</summary>
internal sealed class IamErrorResponse
{
    [JsonPropertyName("errorCode")]
    public string? ErrorCode { get; set; }

    [JsonPropertyName("errorMessage")]
    public string? ErrorMessage { get; set; }
}
