namespace SpankQrun.Qrun.Running;

/// <summary>How far a run got, so cleanup undoes exactly what was done and says only what happened.</summary>
internal sealed class JobTrace(string id)
{
    /// <summary>The job's id (in gateway mode, the one the gateway gave once the job was created).</summary>
    public string Id { get; set; } = id;

    /// <summary>The input object was uploaded.</summary>
    public bool InputUploaded { get; set; }

    /// <summary>The submit started (the service may know the job even if the call failed).</summary>
    public bool SubmitStarted { get; set; }

    /// <summary>The service answered the submit with a refusal: no job was created.</summary>
    public bool SubmitRefused { get; set; }

    /// <summary>The job was seen in a final state.</summary>
    public bool SeenFinal { get; set; }

    /// <summary>The service stopped listing the job: there is nothing left to cancel or delete there.</summary>
    public bool JobVanished { get; set; }

    /// <summary>The results could not be written locally: their objects stay in the bucket.</summary>
    public bool KeepResults { get; set; }

    /// <summary>The service log was copied (or found missing), so no path prints it twice.</summary>
    public bool LogCopied { get; set; }

    /// <summary>The service may know the job: its submit started and was not refused.</summary>
    public bool JobMayExist => SubmitStarted && !SubmitRefused;

    /// <summary>The service may have written a log for this job and it has not been copied yet.</summary>
    public bool LogDue => JobMayExist && !LogCopied;

    /// <summary>The Direct Access job is known to be gone from the service after cleanup.</summary>
    public bool JobRemoved { get; set; }

    /// <summary>When the Slurm job's time limit is reached (null: no limit known).</summary>
    public DateTimeOffset? SlurmDeadline { get; set; }
}
