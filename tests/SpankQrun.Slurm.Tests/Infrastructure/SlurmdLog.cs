namespace SpankQrun.Slurm.Tests.Infrastructure;

/// <summary>The nodes' slurmd logs, where slurmstepd writes too (each line of a step carries "[JOB.STEP]").</summary>
public static class SlurmdLog
{
    /// <summary>The slurmd log of every node.</summary>
    public static IEnumerable<string> Files() =>
        SlurmCluster.LogFiles().Where(f => System.IO.Path.GetFileName(f).StartsWith("slurmd", StringComparison.Ordinal));

    /// <summary>Every node's slurmd log, as one text.</summary>
    public static string AllText() => string.Join('\n', Files().Select(File.ReadAllText));

    /// <summary>Every line any node's slurmd log holds for job <paramref name="jobId"/>.</summary>
    public static IReadOnlyList<string> LinesOfJob(string jobId) =>
        [.. Files().SelectMany(File.ReadLines).Where(l => l.Contains($"[{jobId}.", StringComparison.Ordinal))];
}
