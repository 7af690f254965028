namespace SpankQrun.Gateway.Slurm;

/// <summary>What Slurm says about one job, as far as the gateway needs it.</summary>
/// <param name="JobId">The job id.</param>
/// <param name="Uid">The owner's uid.</param>
/// <param name="UserName">The owner's name.</param>
/// <param name="Account">The job's account.</param>
/// <param name="State">JobState, e.g. RUNNING.</param>
/// <param name="BoundBackend">The backend job_submit bound the job to (AdminComment's qrun.backend), or null.</param>
/// <param name="BindingProblem">Why the AdminComment could not be trusted or read, or null.</param>
public sealed record SlurmJobRecord(string JobId, uint Uid, string UserName, string Account, string State, string? BoundBackend, string? BindingProblem)
{
    public bool IsRunning => State == "RUNNING";

    /// <summary>True when Slurm's EndTime could be read; then <see cref="EndTime"/> holds it (null: no time limit).</summary>
    public bool TimeLimitKnown { get; init; }

    /// <summary>When the job's time limit ends it, or null (no limit, or <see cref="TimeLimitKnown"/> false).</summary>
    public DateTimeOffset? EndTime { get; init; }
}
