using System.Text.Json;

namespace SpankQrun.Gateway.Tests.Infrastructure;

/// <summary>One environment and one gateway for a test class.</summary>
public sealed class SharedGateway : IAsyncLifetime
{
    public GatewayEnvironment Environment { get; private set; } = null!;

    public RunningGateway Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Environment = await GatewayEnvironment.StartAsync();
        Gateway = await Environment.StartGatewayAsync();
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Environment.DisposeAsync();
    }
}

/// <summary>Reads the gateway's error body.</summary>
public static class ErrorText
{
    public static string Message(string body) => Read(body, e => e.GetProperty("errors")[0].GetProperty("message").GetString()!);

    public static string Trace(string body) => Read(body, e => e.GetProperty("trace").GetString()!);

    private static string Read(string body, Func<JsonElement, string> read)
    {
        using var document = JsonDocument.Parse(body);
        return read(document.RootElement);
    }
}
