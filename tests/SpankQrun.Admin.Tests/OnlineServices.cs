using SpankQrun.TestSupport;

namespace SpankQrun.Admin.Tests;

/// <summary>The emulator (with an API key of its own) and s3rver with one bucket, shared by the online tests.</summary>
public sealed class OnlineServices : IAsyncLifetime
{
    public const string ApiKey = "admin-online-apikey-41c9";
    public const string Bucket = "admin-check";

    public EmulatorServer Emulator { get; private set; } = null!;

    public S3Server S3 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var config = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "SpankQrun.Emulator", "emulator.json"))
            .Replace("\"demo-apikey\"", $"\"{ApiKey}\"", StringComparison.Ordinal);
        Emulator = await EmulatorServer.StartAsync(new EmulatorServerOptions(ConfigJson: config));
        S3 = await S3Server.StartAsync();
        await S3.CreateBucketAsync(Bucket);
    }

    public async Task DisposeAsync()
    {
        await S3.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
