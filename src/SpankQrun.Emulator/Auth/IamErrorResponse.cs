using System.Text.Json.Serialization;

namespace SpankQrun.Emulator.Auth;

/// <summary>Wire form of an IAM error (IAM uses camelCase, unlike the Direct Access API).</summary>
public sealed record IamErrorResponse(
    [property: JsonPropertyName("errorCode")] string ErrorCode,
    [property: JsonPropertyName("errorMessage")] string ErrorMessage);
