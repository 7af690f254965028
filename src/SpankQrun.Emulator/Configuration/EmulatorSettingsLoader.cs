using System.Text.Json;

namespace SpankQrun.Emulator.Configuration;

/// <summary>Reads and validates the configuration file into <see cref="EmulatorSettings"/>.</summary>
public static class EmulatorSettingsLoader
{
    private static readonly string[] BackendStatuses = ["online", "offline", "paused"];

    /// <summary>Loads <paramref name="path"/>, or the built-in defaults when it is null.</summary>
    public static EmulatorSettings Load(string? path)
    {
        if (path is null)
            return Validate(new EmulatorConfigFile(), "(built-in defaults)");

        if (!File.Exists(path))
            throw new EmulatorConfigurationException(EmulatorMessages.ConfigFileMissing(path));

        EmulatorConfigFile? file;
        try
        {
            using var stream = File.OpenRead(path);
            file = JsonSerializer.Deserialize(stream, EmulatorConfigJsonContext.Default.EmulatorConfigFile);
        }
        catch (JsonException exception)
        {
            throw new EmulatorConfigurationException(EmulatorMessages.ConfigFileInvalidJson(path, exception.Message));
        }

        return Validate(file ?? throw new EmulatorConfigurationException(EmulatorMessages.ConfigFileInvalidJson(path, "the file holds null")), path);
    }

    private static EmulatorSettings Validate(EmulatorConfigFile file, string path)
    {
        var serviceCrn = file.ServiceCrn ?? EmulatorDefaults.ServiceCrn;
        if (string.IsNullOrWhiteSpace(serviceCrn))
            throw Error(path, "service_crn", "a non-empty string", "an empty string");

        var lifetime = file.TokenLifetimeSecs ?? EmulatorDefaults.TokenLifetimeSecs;
        if (lifetime < 1)
            throw Error(path, "token_lifetime_secs", "an integer >= 1", lifetime.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var lanes = file.ExecutionLanes ?? EmulatorDefaults.ExecutionLanes;
        if (lanes < 1)
            throw Error(path, "execution_lanes", "an integer >= 1", lanes.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var maxQubits = file.MaxSimulatedQubits ?? EmulatorDefaults.MaxSimulatedQubits;
        if (maxQubits is < 1 or > 40)
            throw Error(path, "max_simulated_qubits", "an integer from 1 to 40", maxQubits.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var clients = file.AppIdClients is null
            ? EmulatorDefaults.AppIdClients
            : file.AppIdClients.Select((entry, index) => ValidateClient(entry, index, path)).ToArray();

        var apiKeys = file.IamApiKeys ?? [.. EmulatorDefaults.IamApiKeys];
        for (var index = 0; index < apiKeys.Count; index++)
        {
            if (string.IsNullOrEmpty(apiKeys[index]))
                throw Error(path, $"iam_api_keys[{index}]", "a non-empty string", "an empty value");
        }

        var backends = file.Backends is null
            ? [.. EmulatorDefaults.Backends.Select(backend => backend with { Lanes = lanes })]
            : file.Backends.Select((entry, index) => ValidateBackend(entry, index, path, lanes)).ToArray();
        var duplicate = backends.GroupBy(backend => backend.Name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
            throw Error(path, "backends", "unique backend names", $"\"{duplicate.Key}\" twice");

        return new EmulatorSettings(serviceCrn, lifetime, lanes, maxQubits, file.SimulatorSeed, clients, apiKeys, backends);
    }

    private static AppIdClientSettings ValidateClient(AppIdClientConfigEntry entry, int index, string path)
    {
        if (string.IsNullOrEmpty(entry.ClientId))
            throw Error(path, $"app_id_clients[{index}].client_id", "a non-empty string", "nothing");
        if (string.IsNullOrEmpty(entry.Secret))
            throw Error(path, $"app_id_clients[{index}].secret", "a non-empty string", "nothing");
        return new AppIdClientSettings(entry.ClientId, entry.Secret);
    }

    private static BackendSettings ValidateBackend(BackendConfigEntry entry, int index, string path, int totalLanes)
    {
        var place = $"backends[{index}]";
        if (string.IsNullOrWhiteSpace(entry.Name) || entry.Name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
            throw Error(path, $"{place}.name", "letters, digits, '_' or '-'", $"\"{entry.Name}\"");
        if (entry.NumQubits is not { } qubits || qubits < 1)
            throw Error(path, $"{place}.num_qubits", "an integer >= 1", entry.NumQubits?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing");

        var status = entry.Status ?? "online";
        if (!BackendStatuses.Contains(status, StringComparer.Ordinal))
            throw Error(path, $"{place}.status", "online, offline or paused", $"\"{status}\"");

        var couplingMap = entry.CouplingMap;
        if (couplingMap is not null)
        {
            for (var edge = 0; edge < couplingMap.Count; edge++)
            {
                var pair = couplingMap[edge];
                if (pair.Count != 2 || pair.Any(q => q < 0 || q >= qubits) || pair[0] == pair[1])
                    throw Error(path, $"{place}.coupling_map[{edge}]", $"a pair of two different qubits from 0 to {qubits - 1}", $"[{string.Join(", ", pair)}]");
            }
        }

        var queueDelay = entry.QueueDelaySecs ?? 0;
        if (queueDelay < 0 || double.IsNaN(queueDelay))
            throw Error(path, $"{place}.queue_delay_secs", "a number >= 0", queueDelay.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var executionDelay = entry.ExecutionDelaySecs ?? 0;
        if (executionDelay < 0 || double.IsNaN(executionDelay))
            throw Error(path, $"{place}.execution_delay_secs", "a number >= 0", executionDelay.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var lanes = entry.Lanes ?? totalLanes;
        if (lanes < 1 || lanes > totalLanes)
            throw Error(path, $"{place}.lanes", $"an integer from 1 to execution_lanes ({Text(totalLanes)})", Text(lanes));

        var version = entry.Version ?? EmulatorDefaults.BackendVersion;
        if (string.IsNullOrWhiteSpace(version))
            throw Error(path, $"{place}.version", "a non-empty string", "an empty string");

        var isa = entry.Isa ?? (couplingMap is null ? "lenient" : "strict");
        if (isa is not ("strict" or "lenient"))
            throw Error(path, $"{place}.isa", "strict or lenient", $"\"{isa}\"");

        foreach (var (gate, time) in entry.GateTimesNs ?? [])
        {
            if (time < 0)
                throw Error(path, $"{place}.gate_times_ns.{gate}", "an integer number of nanoseconds >= 0", Text(time));
        }

        var repDelay = entry.RepDelayNs ?? EmulatorDefaults.RepDelayNs;
        if (repDelay < 0)
            throw Error(path, $"{place}.rep_delay_ns", "an integer number of nanoseconds >= 0", Text(repDelay));

        return new BackendSettings(
            entry.Name,
            qubits,
            entry.BasisGates ?? EmulatorDefaults.BasisGates("cx"),
            couplingMap?.Select(pair => (IReadOnlyList<int>)pair).ToArray(),
            status,
            queueDelay,
            executionDelay,
            entry.Reserved ?? false,
            lanes,
            version,
            entry.Message,
            isa == "strict",
            entry.GateTimesNs,
            repDelay);
    }

    private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static EmulatorConfigurationException Error(string path, string key, string expected, string found) =>
        new(EmulatorMessages.ConfigValueInvalid(path, key, expected, found));
}
