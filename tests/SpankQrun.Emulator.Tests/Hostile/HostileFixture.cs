using System.Text.Json.Nodes;
using SpankQrun.Emulator.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Emulator.Tests.Hostile;

/// <summary>
/// s3rver plus an emulator with ONE execution lane (a stuck job would block every later one) and an operation budget
/// so large that only cancellation, timeouts and shutdown can stop a hostile job.
/// </summary>
public sealed class HostileFixture : IAsyncLifetime
{
    public const string Backend = "fake_hostile";

    private S3Server? _s3;
    private EmulatorServer? _emulator;
    private TestStorage? _storage;

    public S3Server S3 => _s3 ?? throw new InvalidOperationException("fixture not started");

    public EmulatorServer Emulator => _emulator ?? throw new InvalidOperationException("fixture not started");

    public TestStorage Storage => _storage ?? throw new InvalidOperationException("fixture not started");

    public static string Config(long maxOperations = 4_000_000_000, int lanes = 1, long? memoryBudget = null, JsonObject? extra = null)
    {
        var config = new JsonObject
        {
            ["execution_lanes"] = lanes,
            ["simulator_seed"] = 7,
            ["max_operations"] = maxOperations,
            ["backends"] = new JsonArray { new JsonObject { ["name"] = Backend, ["num_qubits"] = 32 } },
        };
        if (memoryBudget is { } budget)
            config["memory_budget_bytes"] = budget;
        foreach (var (key, value) in extra ?? [])
            config[key] = value?.DeepClone();
        return config.ToJsonString();
    }

    public async Task InitializeAsync()
    {
        _s3 = await S3Server.StartAsync();
        await _s3.CreateBucketAsync("jobs");
        _storage = new TestStorage(_s3, "jobs");
        _emulator = await EmulatorServer.StartAsync(new EmulatorServerOptions(Config()));
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
