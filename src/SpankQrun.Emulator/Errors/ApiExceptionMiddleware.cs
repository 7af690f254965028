using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using SpankQrun.Emulator.Configuration;
using SpankQrun.Emulator.Json;

namespace SpankQrun.Emulator.Errors;

/// <summary>
/// Bounds every request body (max_request_body_bytes): a declared Content-Length over the limit is refused before
/// anything is read, a chunked body when the limit is reached, a form whose value is too long likewise; all with
/// 413 and the API's error body. Any other unexpected exception becomes a 500 with the same body and one log line
/// naming its type (no stack trace, no request data), so the request log shows the status the client got.
/// </summary>
public sealed class ApiExceptionMiddleware(RequestDelegate next, EmulatorSettings settings, ILogger<ApiExceptionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = settings.Limits.MaxRequestBodyBytes;
        if (context.Request.ContentLength is { } length && length > limit)
        {
            // A client that sends its whole body before reading the answer would only see a broken connection, so a
            // body of moderate size is read and thrown away (bounded in size and time) before the 413 goes out.
            var drained = length <= DrainLimit && await DrainAsync(context);
            await WriteAsync(context, TooLarge(limit), close: !drained);
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await WriteAsync(context, TooLarge(limit));
        }
        catch (InvalidDataException) when (!context.Response.HasStarted)
        {
            // Form limits (value or key length, value count) throw this while the form is read.
            await WriteAsync(context, TooLarge(limit));
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, ApiErrors.Body(exception.StatusCode, "Bad Request", ApiErrorCodes.InvalidRequest,
                EmulatorMessages.BadRequestBody, "body", "field", EmulatorMessages.InvalidRequestSolution));
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError("{Method} {Path} failed with {ExceptionType}", context.Request.Method, context.Request.Path.Value, exception.GetType().Name);
            await WriteAsync(context, ApiErrors.Body(StatusCodes.Status500InternalServerError, "Internal Server Error", ApiErrorCodes.Internal,
                EmulatorMessages.InternalRequestError(exception.GetType().Name), "request", "field", EmulatorMessages.InternalErrorSolution));
        }
    }

    private static ApiErrorBody TooLarge(long limit) =>
        ApiErrors.Body(StatusCodes.Status413PayloadTooLarge, "Payload Too Large", ApiErrorCodes.PayloadTooLarge,
            EmulatorMessages.BodyTooLarge(limit), "body", "field", EmulatorMessages.BodyTooLargeSolution);

    private const long DrainLimit = 64L * 1024 * 1024;
    private static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(15);

    private static async Task<bool> DrainAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = DrainLimit;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(DrainTime);
        var buffer = new byte[64 * 1024];
        try
        {
            while (await context.Request.Body.ReadAsync(buffer, deadline.Token) > 0)
            {
            }

            return true;
        }
        catch (Exception exception) when (exception is OperationCanceledException or BadHttpRequestException or IOException)
        {
            return false;
        }
    }

    private static async Task WriteAsync(HttpContext context, ApiErrorBody body, bool close = true)
    {
        context.Response.StatusCode = body.StatusCode;
        context.Response.ContentType = "application/json";
        // The unread rest of a refused body is not worth keeping the connection for.
        if (close)
            context.Response.Headers.Connection = "close";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, EmulatorJsonContext.Default.ApiErrorBody, CancellationToken.None);
    }
}
