namespace SpankQrun.Emulator.Jobs;

/// <summary>Wire form of a job's "storage" object.</summary>
public sealed record JobStorageBody(StorageOptionBody? Input, StorageOptionBody? Results, StorageOptionBody? Logs);
