namespace SpankQrun.Emulator.Jobs;

/// <summary>Result of <see cref="JobStore.TrySubmit"/>.</summary>
public enum SubmitOutcome
{
    Accepted,
    DuplicateId,
    LanesFull,
    BackendLanesFull,
}
