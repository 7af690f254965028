using SpankQrun.Emulator.Configuration;
using SpankQrun.Emulator.Errors;

namespace SpankQrun.Emulator.Auth;

/// <summary>Lets a request through only with a live bearer token (and, for IAM tokens, the instance's Service-CRN).</summary>
public sealed class BearerTokenFilter(TokenService tokens, EmulatorSettings settings) : IEndpointFilter
{
    public const string ServiceCrnHeader = "Service-CRN";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Request.Headers;
        var authorization = headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return ApiErrors.Unauthorized(EmulatorMessages.BearerTokenMissing);

        var token = tokens.Find(authorization["Bearer ".Length..].Trim());
        if (token is null)
            return ApiErrors.Unauthorized(EmulatorMessages.BearerTokenInvalid);

        if (token.Kind == TokenKind.Iam)
        {
            var crn = headers[ServiceCrnHeader].ToString();
            if (crn.Length == 0)
                return ApiErrors.Unauthorized(EmulatorMessages.ServiceCrnMissing);
            if (!string.Equals(crn, settings.ServiceCrn, StringComparison.Ordinal))
                return ApiErrors.Unauthorized(EmulatorMessages.ServiceCrnMismatch(crn));
        }

        return await next(context);
    }
}
