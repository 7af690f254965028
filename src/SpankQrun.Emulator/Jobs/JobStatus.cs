namespace SpankQrun.Emulator.Jobs;

/// <summary>Lifecycle of a job; everything but <see cref="Running"/> is final.</summary>
public enum JobStatus
{
    Running,
    Completed,
    Failed,
    Cancelled,
}
