using SpankQrun.TestSupport;

namespace SpankQrun.Emulator.Tests.Infrastructure;

/// <summary>s3rver plus an emulator with the shipped emulator.json (strict ISA on fake_brisbane, fake_cairo, fake_lagos).</summary>
public sealed class ShippedConfigFixture : IAsyncLifetime
{
    private S3Server? _s3;
    private EmulatorServer? _emulator;
    private TestStorage? _storage;

    public EmulatorServer Emulator => _emulator ?? throw new InvalidOperationException("fixture not started");

    public TestStorage Storage => _storage ?? throw new InvalidOperationException("fixture not started");

    public async Task InitializeAsync()
    {
        _s3 = await S3Server.StartAsync();
        await _s3.CreateBucketAsync("jobs");
        _storage = new TestStorage(_s3, "jobs");
        _emulator = await EmulatorServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _storage?.Dispose();
        if (_emulator is not null)
            await _emulator.DisposeAsync();
        if (_s3 is not null)
            await _s3.DisposeAsync();
    }
}
