using System.Text.Json.Nodes;

namespace SpankQrun.Emulator.Tests.Infrastructure;

/// <summary>Emulator configuration files for tests that need more than the shipped defaults.</summary>
public static class TestConfigs
{
    /// <summary>A backend whose jobs wait ten minutes in its queue, Running, before touching storage.</summary>
    public const string QueuedBackend = "fake_queued";

    /// <summary>A backend whose jobs read their input, then execute for ten minutes (cancel and timeout tests).</summary>
    public const string SlowBackend = "fake_slow";

    /// <summary>A backend whose jobs run after a short execution delay (restart tests).</summary>
    public const string DelayedBackend = "fake_delayed";

    /// <summary>A backend with two lanes of its own, a version and a maintenance message; jobs wait in its queue.</summary>
    public const string NarrowBackend = "fake_narrow";

    public const int NarrowLanes = 2;

    public static string Create(int lanes = 50, int tokenLifetimeSecs = 3600, double delayedSecs = 3) => new JsonObject
    {
        ["token_lifetime_secs"] = tokenLifetimeSecs,
        ["execution_lanes"] = lanes,
        ["simulator_seed"] = 1234,
        ["backends"] = new JsonArray
        {
            Backend("fake_brisbane", 127),
            Backend("fake_cairo", 27),
            Backend("fake_lagos", 7),
            Backend("fake_torino", 133),
            Backend(QueuedBackend, 7, queueDelaySecs: 600),
            Backend(SlowBackend, 7, executionDelaySecs: 600),
            Backend(DelayedBackend, 7, executionDelaySecs: delayedSecs),
            Narrow(),
        },
    }.ToJsonString();

    private static JsonObject Narrow()
    {
        var backend = Backend(NarrowBackend, 7, queueDelaySecs: 600);
        backend["lanes"] = NarrowLanes;
        backend["version"] = "2.5.1";
        backend["message"] = "maintenance on Tuesday";
        return backend;
    }

    private static JsonObject Backend(string name, int qubits, double queueDelaySecs = 0, double executionDelaySecs = 0) => new()
    {
        ["name"] = name,
        ["num_qubits"] = qubits,
        ["queue_delay_secs"] = queueDelaySecs,
        ["execution_delay_secs"] = executionDelaySecs,
    };
}
