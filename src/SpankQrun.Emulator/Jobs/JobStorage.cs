namespace SpankQrun.Emulator.Jobs;

/// <summary>Where a job reads its input and writes its results and (optionally) logs.</summary>
public sealed record JobStorage(StorageLocation Input, StorageLocation Results, StorageLocation? Logs);
