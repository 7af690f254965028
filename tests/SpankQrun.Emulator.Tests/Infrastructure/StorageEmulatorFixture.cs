using SpankQrun.TestSupport;

namespace SpankQrun.Emulator.Tests.Infrastructure;

/// <summary>s3rver with a bucket plus an emulator with <see cref="TestConfigs.Create"/>, shared by a test class.</summary>
public sealed class StorageEmulatorFixture : IAsyncLifetime
{
    private S3Server? _s3;
    private EmulatorServer? _emulator;
    private TestStorage? _storage;

    public S3Server S3 => _s3 ?? throw new InvalidOperationException("fixture not started");

    public EmulatorServer Emulator => _emulator ?? throw new InvalidOperationException("fixture not started");

    public TestStorage Storage => _storage ?? throw new InvalidOperationException("fixture not started");

    public async Task InitializeAsync()
    {
        _s3 = await S3Server.StartAsync();
        await _s3.CreateBucketAsync("jobs");
        _storage = new TestStorage(_s3, "jobs");
        _emulator = await EmulatorServer.StartAsync(new EmulatorServerOptions(TestConfigs.Create()));
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
