namespace SpankQrun.Emulator.Jobs;

/// <summary>reason_code values of failed jobs (the emulator's own numbering, documented in docs/emulator.md).</summary>
public static class JobFailureCodes
{
    public const int InputUnreadable = 1401;
    public const int InputInvalid = 1402;
    public const int ExecutionFailed = 1403;
    public const int OutputUnwritable = 1404;
    public const int TimedOut = 1405;
    public const int NotIsa = 1406;
    public const int StorageHostRefused = 1407;
    public const int InputTooLarge = 1408;
    public const int MemoryUnavailable = 1409;
    public const int Internal = 1499;
}
