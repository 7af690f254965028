namespace SpankQrun.Slurm.Tests.Infrastructure;

/// <summary>The nodes' slurmd logs, where slurmstepd writes too (each line of a step carries "[JOB.STEP]").</summary>
public static class SlurmdLog
{
    /// <summary>Every line any node's slurmd log holds for job <paramref name="jobId"/>.</summary>
    public static IReadOnlyList<string> LinesOfJob(string jobId) =>
        [.. SlurmCluster.LogFiles()
            .Where(f => System.IO.Path.GetFileName(f).StartsWith("slurmd", StringComparison.Ordinal))
            .SelectMany(File.ReadLines)
            .Where(l => l.Contains($"[{jobId}.", StringComparison.Ordinal))];

    /// <summary>The job id sbatch printed ("Submitted batch job N").</summary>
    public static string JobIdOf(string sbatchStdout) => sbatchStdout.Split(' ', StringSplitOptions.RemoveEmptyEntries).Last().Trim();
}
