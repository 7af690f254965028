namespace SpankQrun.Gateway.Api;

/// <summary>A request the gateway answers with an error body; the message is safe for the caller and the log.</summary>
public sealed class GatewayProblem(int statusCode, string code, string message, string solution) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;

    public string Solution { get; } = solution;
}
