using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using SpankQrun.Emulator.Configuration;
using SpankQrun.Emulator.Errors;
using SpankQrun.Emulator.Json;

namespace SpankQrun.Emulator.Auth;

/// <summary>Token endpoints: IAM (POST /identity/token, form body) and App ID (POST /v1/token, Basic).</summary>
public static class AuthApi
{
    private const string ApiKeyGrantType = "urn:ibm:params:oauth:grant-type:apikey";

    public static RouteGroupBuilder MapAuth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("");
        group.MapPost("/identity/token", IssueIamTokenAsync);
        group.MapPost("/v1/token", IssueAppIdToken);
        return group;
    }

    private static async Task<Results<Ok<TokenResponse>, JsonHttpResult<IamErrorResponse>>> IssueIamTokenAsync(
        HttpRequest request, EmulatorSettings settings, TokenService tokens, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
            return IamError("BXNIM0109E", EmulatorMessages.IamFormExpected(request.ContentType));

        var form = await request.ReadFormAsync(cancellationToken);
        if (!string.Equals(form["grant_type"], ApiKeyGrantType, StringComparison.Ordinal))
            return IamError("BXNIM0109E", EmulatorMessages.IamGrantTypeInvalid(form["grant_type"], ApiKeyGrantType));

        StringValues apiKey = form["apikey"];
        if (StringValues.IsNullOrEmpty(apiKey))
            return IamError("BXNIM0109E", EmulatorMessages.IamApiKeyMissing);
        if (!settings.IamApiKeys.Contains(apiKey.ToString(), StringComparer.Ordinal))
            return IamError("BXNIM0415E", EmulatorMessages.IamApiKeyUnknown);

        var token = tokens.Issue(TokenKind.Iam);
        return TypedResults.Ok(new TokenResponse(token.AccessToken, token.ExpiresInSecs, token.ExpiresAt.ToUnixTimeSeconds(), "Bearer"));
    }

    private static Results<Ok<TokenResponse>, JsonHttpResult<ApiErrorBody>> IssueAppIdToken(
        HttpRequest request, EmulatorSettings settings, TokenService tokens)
    {
        if (!TryReadBasicCredentials(request, out var clientId, out var secret))
            return ApiErrors.Unauthorized(EmulatorMessages.BasicCredentialsMissing);

        var known = settings.AppIdClients.Any(client =>
            string.Equals(client.ClientId, clientId, StringComparison.Ordinal) &&
            string.Equals(client.Secret, secret, StringComparison.Ordinal));
        if (!known)
            return ApiErrors.Unauthorized(EmulatorMessages.BasicCredentialsUnknown);

        var token = tokens.Issue(TokenKind.AppId);
        return TypedResults.Ok(new TokenResponse(token.AccessToken, token.ExpiresInSecs, Expiration: null, "Bearer"));
    }

    private static bool TryReadBasicCredentials(HttpRequest request, out string clientId, out string secret)
    {
        clientId = secret = "";
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return false;

        Span<byte> decoded = stackalloc byte[512];
        if (!Convert.TryFromBase64String(header["Basic ".Length..].Trim(), decoded, out var length))
            return false;

        var pair = Encoding.UTF8.GetString(decoded[..length]);
        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
            return false;

        clientId = pair[..colon];
        secret = pair[(colon + 1)..];
        return true;
    }

    private static JsonHttpResult<IamErrorResponse> IamError(string code, string message) =>
        TypedResults.Json(new IamErrorResponse(code, message), EmulatorJsonContext.Default.IamErrorResponse,
            statusCode: StatusCodes.Status400BadRequest);
}
