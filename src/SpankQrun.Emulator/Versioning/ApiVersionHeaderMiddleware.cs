using System.Globalization;
using System.Text.Json;
using SpankQrun.Emulator.Errors;
using SpankQrun.Emulator.Json;

namespace SpankQrun.Emulator.Versioning;

/// <summary>
/// Accepts the IBM-API-Version request header that today's clients send (any YYYY-MM-DD date; every version is
/// served alike) and refuses a malformed one with 400, naming the header.
/// </summary>
public sealed class ApiVersionHeaderMiddleware(RequestDelegate next)
{
    public const string Header = "IBM-API-Version";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Headers.TryGetValue(Header, out var values))
        {
            var value = values.ToString();
            if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                var body = ApiErrors.Body(StatusCodes.Status400BadRequest, "Bad Request", ApiErrorCodes.InvalidRequest,
                    EmulatorMessages.ApiVersionInvalid(value), Header, "header", EmulatorMessages.InvalidHeaderSolution);
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "application/json";
                await JsonSerializer.SerializeAsync(context.Response.Body, body, EmulatorJsonContext.Default.ApiErrorBody, context.RequestAborted);
                return;
            }
        }

        await next(context);
    }
}
