using SpankQrun.TestSupport;

namespace SpankQrun.Emulator.Tests.Infrastructure;

/// <summary>One emulator process with the shipped emulator.json, shared by a test class.</summary>
public sealed class DefaultEmulatorFixture : IAsyncLifetime
{
    private EmulatorServer? _server;

    public EmulatorServer Server => _server ?? throw new InvalidOperationException("fixture not started");

    public async Task InitializeAsync() => _server = await EmulatorServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
