using System.Text.Json.Serialization;

namespace SpankQrun.DirectAccess.Auth;

/// <summary>The body of a successful token exchange (App ID and IAM share it).</summary>
internal sealed class TokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("expires_in")]
    public double? ExpiresIn { get; set; }
}
