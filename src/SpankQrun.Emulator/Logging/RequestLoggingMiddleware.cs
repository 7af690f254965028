using System.Diagnostics;

namespace SpankQrun.Emulator.Logging;

/// <summary>
/// Logs one line per request: method, path, status and duration. Never the query string or any header,
/// so tokens, keys and presigned signatures cannot reach the log.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            logger.LogInformation("{Method} {Path} -> {StatusCode} in {ElapsedMs:F1} ms",
                context.Request.Method, context.Request.Path.Value, context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
