using System.Text.Json.Nodes;
using SpankQrun.TestSupport;

namespace SpankQrun.Emulator.Tests.Infrastructure;

/// <summary>One emulator whose configuration has a reserved backend beside an ordinary one, shared by a test class.</summary>
public sealed class ReservedBackendFixture : IAsyncLifetime
{
    /// <summary>Configured with <c>"reserved": true</c>: every submission is refused with 423 code 1233.</summary>
    public const string ReservedBackend = "fake_reserved";

    /// <summary>Not reserved; its jobs wait ten minutes in the queue, so they never touch storage.</summary>
    public const string OpenBackend = "fake_open";

    private EmulatorServer? _server;

    public EmulatorServer Server => _server ?? throw new InvalidOperationException("fixture not started");

    public async Task InitializeAsync() => _server = await EmulatorServer.StartAsync(new EmulatorServerOptions(Config()));

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    private static string Config() => new JsonObject
    {
        ["backends"] = new JsonArray
        {
            new JsonObject { ["name"] = ReservedBackend, ["num_qubits"] = 7, ["reserved"] = true },
            new JsonObject { ["name"] = OpenBackend, ["num_qubits"] = 7, ["queue_delay_secs"] = 600, ["reserved"] = false },
        },
    }.ToJsonString();
}
