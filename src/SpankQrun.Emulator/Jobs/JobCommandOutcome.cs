namespace SpankQrun.Emulator.Jobs;

/// <summary>Result of a cancel or delete: done, no such job, or the job's state forbids it.</summary>
public enum JobCommandOutcome
{
    Done,
    NotFound,
    WrongState,
}
