using System.Diagnostics;

namespace SpankQrun.Gateway.Api;

/// <summary>
/// One log line per request: trace id, method, path, status, caller uid, duration and, for a refusal, why.
/// Never a header, a query string or a body, so no credential or presigned URL can reach the log.
/// </summary>
public sealed class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public const string UidItem = "gateway.uid";
    public const string RefusalItem = "gateway.refusal";

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var uid = context.Items.TryGetValue(UidItem, out var u) ? u?.ToString() : "-";
            var refusal = context.Items.TryGetValue(RefusalItem, out var r) ? $": {r}" : "";
            logger.LogInformation("{Trace} {Method} {Path} -> {Status} uid {Uid} in {Ms:F1} ms{Refusal}",
                context.TraceIdentifier, context.Request.Method, context.Request.Path.Value, context.Response.StatusCode, uid,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, refusal);
        }
    }
}
