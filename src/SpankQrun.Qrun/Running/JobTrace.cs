namespace SpankQrun.Qrun.Running;

/// <summary>How far a run got, so cleanup undoes exactly what was done.</summary>
internal sealed class JobTrace(string id)
{
    public string Id { get; } = id;

    /// <summary>The input upload started (objects may exist).</summary>
    public bool UploadStarted { get; set; }

    /// <summary>The submit started (the service may know the job even if the call failed).</summary>
    public bool SubmitStarted { get; set; }

    /// <summary>The job was seen in a final state.</summary>
    public bool SeenFinal { get; set; }
}
