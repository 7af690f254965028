namespace SpankQrun.Qrun.Gateway;

/// <summary>A gateway call that failed for good; the message names the gateway and holds no credential or presigned query.</summary>
internal sealed class GatewayFailure(int exitCode, string message, int? statusCode = null, string? code = null) : Exception(message)
{
    /// <summary>qrun's exit code for this failure.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>The HTTP status, when the gateway (or storage) answered.</summary>
    public int? StatusCode { get; } = statusCode;

    /// <summary>The error code of the answer, when it had one (the gateway's, or Direct Access's passed on).</summary>
    public string? Code { get; } = code;
}
