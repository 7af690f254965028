namespace SpankQrun.Emulator.Jobs;

/// <summary>Wire form of the POST /v1/jobs body; everything is nullable so validation can name what is missing.</summary>
public sealed record JobSubmission(
    string? Id,
    string? Backend,
    string? ProgramId,
    string? LogLevel,
    long? TimeoutSecs,
    JobStorageBody? Storage);
