using SpankQrun.Plugin.Core;

namespace SpankQrun.Plugin.Core.Tests.Fakes;

/// <summary>An in-memory Slurm: records log lines and the task environment.</summary>
internal sealed class RecordingSpankHost : ISpankHost
{
    /// <summary>The environment the host process or job already has (what GetEnvironment reads).</summary>
    public Dictionary<string, string> Inherited { get; } = new(StringComparer.Ordinal);

    public List<(PluginLogLevel Level, string Message)> Lines { get; } = [];

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public Dictionary<SpankItem, uint> Items { get; } = new() { [SpankItem.JobId] = 42, [SpankItem.JobUid] = 1000 };

    public string? FailSetEnvironmentFor { get; init; }

    public IEnumerable<string> Errors => Lines.Where(l => l.Level == PluginLogLevel.Error).Select(l => l.Message);

    public string AllText => string.Join('\n', Lines.Select(l => l.Message));

    public void Log(PluginLogLevel level, string message) => Lines.Add((level, message));

    public bool TrySetEnvironment(string name, string value)
    {
        if (name == FailSetEnvironmentFor)
            return false;
        Environment[name] = value;
        return true;
    }

    public string? GetEnvironment(string name) => Inherited.GetValueOrDefault(name);

    public bool TryGetItem(SpankItem item, out uint value) => Items.TryGetValue(item, out value);
}
