using SpankQrun.Emulator.Configuration;
using SpankQrun.TestSupport;

namespace SpankQrun.Emulator.Tests;

/// <summary>Reading emulator.json: defaults, and errors that name the key at fault.</summary>
public sealed class ConfigurationFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("spankqrun-config-").FullName;

    [Fact]
    public void Load_WithoutFile_UsesDefaultCredentialsAndBackends()
    {
        var settings = EmulatorSettingsLoader.Load(null);

        Assert.Equal("crn:v1:local:quantum-computing:emulator::", settings.ServiceCrn);
        Assert.Equal(["demo-apikey"], settings.IamApiKeys);
        Assert.Equal(new AppIdClientSettings("demo", "demopass"), Assert.Single(settings.AppIdClients));
        Assert.Equal([("fake_brisbane", 127), ("fake_cairo", 27), ("fake_lagos", 7), ("fake_torino", 133)],
            settings.Backends.Select(b => (b.Name, b.NumQubits)));
    }

    [Fact]
    public void Load_ShippedEmulatorJson_EqualsTheBuiltInDefaults()
    {
        var shipped = EmulatorSettingsLoader.Load(Path.Combine(AppContext.BaseDirectory, "emulator.json"));
        var defaults = EmulatorSettingsLoader.Load(null);

        Assert.Equal(defaults.ServiceCrn, shipped.ServiceCrn);
        Assert.Equal(defaults.IamApiKeys, shipped.IamApiKeys);
        Assert.Equal(defaults.AppIdClients, shipped.AppIdClients);
        Assert.Equal(defaults.Backends.Select(b => (b.Name, b.NumQubits)), shipped.Backends.Select(b => (b.Name, b.NumQubits)));
    }

    [Fact]
    public void Load_BackendMarkedReserved_IsReservedAndOthersDefaultToNotReserved()
    {
        var path = Path.Combine(_directory, "emulator.json");
        File.WriteAllText(path, "{\"backends\": [{\"name\": \"a\", \"num_qubits\": 2, \"reserved\": true}, {\"name\": \"b\", \"num_qubits\": 2}]}");

        var settings = EmulatorSettingsLoader.Load(path);

        Assert.Equal([("a", true), ("b", false)], settings.Backends.Select(b => (b.Name, b.Reserved)));
    }

    [Theory]
    [InlineData("{\"execution_lanes\": 0}", "execution_lanes")]
    [InlineData("{\"token_lifetime_secs\": -1}", "token_lifetime_secs")]
    [InlineData("{\"backends\": [{\"name\": \"x\"}]}", "backends[0].num_qubits")]
    [InlineData("{\"backends\": [{\"name\": \"x\", \"num_qubits\": 2, \"coupling_map\": [[0, 2]]}]}", "backends[0].coupling_map[0]")]
    [InlineData("{\"backends\": [{\"name\": \"x\", \"num_qubits\": 2, \"execution_delay_secs\": -3}]}", "backends[0].execution_delay_secs")]
    [InlineData("{\"backends\": [{\"name\": \"x\", \"num_qubits\": 2, \"status\": \"asleep\"}]}", "backends[0].status")]
    [InlineData("{\"backends\": [{\"name\": \"x\", \"num_qubits\": 2, \"reserved\": \"yes\"}]}", "backends[0].reserved")]
    [InlineData("{\"backends\": [{\"name\": \"x\", \"num_qubits\": 2, \"reserved\": 1}]}", "backends[0].reserved")]
    [InlineData("{\"app_id_clients\": [{\"client_id\": \"a\"}]}", "app_id_clients[0].secret")]
    [InlineData("{\"execution_lane\": 3}", "execution_lane")]
    public void Load_InvalidValue_NamesTheKey(string json, string key)
    {
        var path = Path.Combine(_directory, "emulator.json");
        File.WriteAllText(path, json);

        var exception = Assert.Throws<EmulatorConfigurationException>(() => EmulatorSettingsLoader.Load(path));

        Assert.Contains(key, exception.Message);
        Assert.Contains(path, exception.Message);
    }

    [Fact]
    public async Task Emulator_WithInvalidConfiguration_ExitsNamingTheProblem()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() =>
            EmulatorServer.StartAsync(new EmulatorServerOptions("{\"execution_lanes\": 0}")));

        Assert.Contains("'execution_lanes' must be an integer >= 1", exception.Message);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
