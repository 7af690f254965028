namespace SpankQrun.Gateway.Jobs;

/// <summary>
/// The hidden subcommand <c>qrun-gateway write-admin-comment JOBID</c> (document on stdin), which sets a finished
/// job's AdminComment in slurmdbd through libslurm. The gateway runs it as a child process, bounded by
/// <c>slurm_timeout_secs</c>, so that libslurm's exit() or a hang cannot take the gateway down.
/// </summary>
public static class AdminCommentWriterCommand
{
    public const string Name = "write-admin-comment";

    /// <summary>Program and arguments that start this same gateway's subcommand (the job id is appended).</summary>
    public static IReadOnlyList<string> OfThisProcess()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the gateway's own path is unknown");
        // `dotnet qrun-gateway.dll` (a build, the tests) runs the host; a published gateway is its own program.
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? [process, Path.Combine(AppContext.BaseDirectory, "qrun-gateway.dll"), Name]
            : [process, Name];
    }
}
