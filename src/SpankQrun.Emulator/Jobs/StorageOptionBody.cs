namespace SpankQrun.Emulator.Jobs;

/// <summary>Wire form of one storage entry ({"type":"s3_compatible","presigned_url":"..."}).</summary>
public sealed record StorageOptionBody(string? Type, string? PresignedUrl);
