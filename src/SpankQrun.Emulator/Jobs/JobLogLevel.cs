namespace SpankQrun.Emulator.Jobs;

/// <summary>The job's log_level, least severe first: lines below it are left out of the job's log.</summary>
public enum JobLogLevel
{
    Debug,
    Info,
    Warning,
    Error,
    Critical,
}
