namespace SpankQrun.Gateway.Jobs;

/// <summary>
/// The hidden subcommand <c>qrun-gateway write-admin-comment JOBID</c> (document on stdin), which sets a finished
/// job's AdminComment in slurmdbd through libslurm. The gateway runs it as a child process, bounded by
/// <c>slurm_timeout_secs</c>, so that libslurm's exit() or a hang cannot take the gateway down.
/// </summary>
public static class AdminCommentWriterCommand
{
    public const string Name = "write-admin-comment";

    /// <summary>
    /// The longest document the subcommand reads from stdin. The gateway's documents list at most 32 jobs, a few
    /// KiB; slurmdbd's admin_comment column holds 64 KiB.
    /// </summary>
    public const int MaxDocumentChars = 64 * 1024;

    /// <summary>The document on <paramref name="input"/> without its final newlines; null when it is longer than <see cref="MaxDocumentChars"/>.</summary>
    public static async Task<string?> ReadDocumentAsync(TextReader input, CancellationToken cancellationToken)
    {
        var buffer = new char[MaxDocumentChars + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await input.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        return length > MaxDocumentChars ? null : new string(buffer, 0, length).TrimEnd('\n');
    }

    /// <summary>Program and arguments that start this same gateway's subcommand <paramref name="name"/> (by default this one: the job id is appended).</summary>
    public static IReadOnlyList<string> OfThisProcess(string name = Name)
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the gateway's own path is unknown");
        // `dotnet qrun-gateway.dll` (a build, the tests) runs the host; a published gateway is its own program.
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? [process, Path.Combine(AppContext.BaseDirectory, "qrun-gateway.dll"), name]
            : [process, name];
    }
}
