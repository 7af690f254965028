using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpankQrun.Gateway.Configuration;
using SpankQrun.Gateway.Jobs;
using SpankQrun.TestSupport;

namespace SpankQrun.Gateway.Tests.Infrastructure;

/// <summary>
/// The real services a gateway needs: s3rver with a bucket, the emulator over HTTP (with a backend
/// <c>slow_brisbane</c> whose executions last five minutes, to catch jobs mid-run), a root-owned 0600
/// configuration file naming them, and a database file. Start gateways on it with <see cref="StartGatewayAsync"/>.
/// </summary>
public sealed class GatewayEnvironment : IAsyncDisposable
{
    public const string Bucket = "qrun-gateway-test";
    public const string AppIdSecret = "demopass-not-in-any-log-7f3e";
    public const string S3SecretMarker = "S3RVER";

    private GatewayEnvironment(S3Server s3, EmulatorServer emulator, string directory)
    {
        S3 = s3;
        Emulator = emulator;
        Directory = directory;
        DatabasePath = Path.Combine(directory, "state", "gateway.db");
    }

    public S3Server S3 { get; }

    public EmulatorServer Emulator { get; }

    public string Directory { get; }

    public string DatabasePath { get; }

    public static async Task<GatewayEnvironment> StartAsync()
    {
        var s3 = await S3Server.StartAsync();
        await s3.CreateBucketAsync(Bucket);
        var emulator = await EmulatorServer.StartAsync(new EmulatorServerOptions(EmulatorConfig()));
        return new GatewayEnvironment(s3, emulator, TestFiles.NewDirectory());
    }

    /// <summary>A backend the emulator reports reserved: Direct Access refuses every job for it.</summary>
    public const string ReservedBackend = "reserved_brisbane";

    /// <summary>The configuration file text: the gateway's keys, then the Direct Access and S3 settings.</summary>
    public string ConfigText(string backends = "fake_brisbane,slow_brisbane", string? database = null, string extra = "") => $"""
        # qrun-gateway test configuration
        listen=http://127.0.0.1:0
        backends={backends}
        database={database ?? "sqlite:" + DatabasePath}
        slurm_poll_secs=1
        slurm_cache_secs=1
        daapi_attempts=2
        daapi_timeout_secs=5
        {extra}
        daapi_endpoint={Emulator.Endpoint}
        appid_client_id=demo
        appid_secret={AppIdSecret}
        s3_endpoint={S3.Endpoint}
        s3_bucket={Bucket}
        s3_region={S3.Region}
        aws_access_key_id={S3.AccessKeyId}
        aws_secret_access_key={S3.SecretAccessKey}
        """;

    public string WriteConfig(string? text = null) => TestFiles.Write(Directory, $"gateway-{Guid.NewGuid():N}.conf", text ?? ConfigText());

    /// <summary>Starts a gateway in this process, listening on a free loopback port.</summary>
    public async Task<RunningGateway> StartGatewayAsync(string? configText = null, Action<IServiceCollection>? configure = null)
    {
        var settings = GatewayConfigParser.Load(WriteConfig(configText));
        var log = new CapturedLog();
        var app = await GatewayHosting.BuildAsync(settings, services =>
        {
            services.AddSingleton<ILoggerProvider>(log);
            configure?.Invoke(services);
        });
        await app.StartAsync();
        return new RunningGateway(app, new Uri(app.Urls.First()), log);
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        await S3.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temporary-file cleanup.
        }
    }

    private static string EmulatorConfig()
    {
        var shipped = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "SpankQrun.Emulator", "emulator.json"));
        var config = JsonNode.Parse(shipped, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
        config["app_id_clients"] = new JsonArray(new JsonObject { ["client_id"] = "demo", ["secret"] = AppIdSecret });
        config["execution_lanes"] = 50;
        var backends = config["backends"]!.AsArray();
        var slow = backends.First(b => (string?)b!["name"] == "fake_brisbane")!.DeepClone().AsObject();
        slow["name"] = "slow_brisbane";
        slow["execution_delay_secs"] = 300;
        backends.Add(slow);
        // Every submission to it is refused (423, code 1233); a gateway serves it only when a test names it.
        var reserved = backends.First(b => (string?)b!["name"] == "fake_brisbane")!.DeepClone().AsObject();
        reserved["name"] = ReservedBackend;
        reserved["reserved"] = true;
        backends.Add(reserved);
        return config.ToJsonString();
    }
}

/// <summary>A gateway started by <see cref="GatewayEnvironment"/>.</summary>
public sealed class RunningGateway(WebApplication app, Uri address, CapturedLog log) : IAsyncDisposable
{
    public Uri Address { get; } = address;

    public CapturedLog Log { get; } = log;

    public IServiceProvider Services => app.Services;

    public GatewayClient As(string? user) => new(Address, user);

    public SlurmJobWatcher Watcher => app.Services.GetRequiredService<SlurmJobWatcher>();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
