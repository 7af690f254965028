namespace SpankQrun.Plugin.Core.Tests.Fakes;

/// <summary>An in-memory Slurm: records log lines and what the plugin does to the task environment.</summary>
internal sealed class RecordingSpankHost : ISpankHost
{
    /// <summary>The environment the host process or job already has (what GetEnvironment reads).</summary>
    public Dictionary<string, string> Inherited { get; } = new(StringComparer.Ordinal);

    public List<(PluginLogLevel Level, string Message)> Lines { get; } = [];

    /// <summary>The variables the plugin set.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>The variables the plugin removed, in order.</summary>
    public List<string> Removed { get; } = [];

    public Dictionary<SpankItem, uint> Items { get; } = new()
    {
        [SpankItem.JobId] = 42,
        [SpankItem.JobUid] = 1000,
        [SpankItem.LocalTaskId] = 0,
    };

    /// <summary>The task's id among the step's tasks on this node (S_TASK_ID).</summary>
    public uint LocalTaskId
    {
        get => Items[SpankItem.LocalTaskId];
        init => Items[SpankItem.LocalTaskId] = value;
    }

    public string? FailSetEnvironmentFor { get; init; }

    public string? FailUnsetEnvironmentFor { get; init; }

    public IEnumerable<string> Errors => Lines.Where(l => l.Level == PluginLogLevel.Error).Select(l => l.Message);

    public IEnumerable<string> Infos => Lines.Where(l => l.Level == PluginLogLevel.Info).Select(l => l.Message);

    public string AllText => string.Join('\n', Lines.Select(l => l.Message));

    /// <summary>The environment the task starts with: what it inherited, less what was removed, plus what was set.</summary>
    public Dictionary<string, string> TaskEnvironment
    {
        get
        {
            var result = new Dictionary<string, string>(Inherited, StringComparer.Ordinal);
            foreach (var (name, value) in Environment)
                result[name] = value;
            return result;
        }
    }

    public void Log(PluginLogLevel level, string message) => Lines.Add((level, message));

    public bool TrySetEnvironment(string name, string value)
    {
        if (name == FailSetEnvironmentFor)
            return false;
        Environment[name] = value;
        return true;
    }

    public bool TryUnsetEnvironment(string name)
    {
        if (name == FailUnsetEnvironmentFor)
            return false;
        Removed.Add(name);
        Inherited.Remove(name);
        Environment.Remove(name);
        return true;
    }

    public string? GetEnvironment(string name) =>
        Environment.TryGetValue(name, out var value) ? value : Inherited.GetValueOrDefault(name);

    public bool TryGetItem(SpankItem item, out uint value) => Items.TryGetValue(item, out value);
}
