namespace SpankQrun.Emulator.Configuration;

/// <summary>Where job state is persisted; <see cref="Directory"/> is null when state lives in memory only.</summary>
public sealed record StatePaths(string? Directory)
{
    public string? JobsFile => Directory is null ? null : Path.Combine(Directory, "jobs.json");
}
