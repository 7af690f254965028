namespace SpankQrun.Emulator.Jobs;

/// <summary>Content of the state directory's jobs.json.</summary>
public sealed record JobStateDocument(IReadOnlyList<Job> Jobs);
