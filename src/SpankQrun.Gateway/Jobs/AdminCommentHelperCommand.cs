using System.Text;
using SpankQrun.Accounting.Slurm;

namespace SpankQrun.Gateway.Jobs;

/// <summary>
/// The hidden subcommand <c>qrun-gateway admin-comment-helper</c>: a child process the gateway keeps running, which sets
/// running jobs' AdminComments through libslurm (<see cref="SlurmctldAdminComment"/>), one request a line on stdin, one
/// answer a line on stdout, until stdin closes. A child, so that libslurm's exit() or a hang cannot take the gateway
/// down; a lasting one, so that an update costs one slurmctld call instead of a new scontrol process.
/// <para>Request: <c>JOBID DOCUMENT</c> (the document is compact JSON with no space and no line break,
/// <see cref="Accounting.Usage.AdminCommentDocument"/>). Answer: <c>ok</c>, or <c>error MESSAGE</c>.</para>
/// </summary>
public static class AdminCommentHelperCommand
{
    public const string Name = "admin-comment-helper";

    public const string Written = "ok";

    public const string ErrorPrefix = "error ";

    /// <summary>The longest request line: a job id, a space and a document of at most <see cref="AdminCommentWriterCommand.MaxDocumentChars"/>.</summary>
    public const int MaxRequestChars = AdminCommentWriterCommand.MaxDocumentChars + 16;

    /// <summary>The request line for one update, or null when the job id or the document cannot travel on one line.</summary>
    public static string? Request(string slurmJobId, string document)
    {
        ArgumentNullException.ThrowIfNull(slurmJobId);
        ArgumentNullException.ThrowIfNull(document);
        if (slurmJobId.Length == 0 || !slurmJobId.All(char.IsAsciiDigit) || document.Length == 0
            || document.AsSpan().IndexOfAny('\n', '\r') >= 0 || slurmJobId.Length + 1 + document.Length > MaxRequestChars)
            return null;
        return slurmJobId + " " + document + "\n";
    }

    /// <summary>Serves requests from <paramref name="input"/> until it closes; the exit code.</summary>
    public static async Task<int> RunAsync(TextReader input, TextWriter output, Func<string, string, string?> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(write);
        while (await ReadLineAsync(input, MaxRequestChars, cancellationToken).ConfigureAwait(false) is { } line)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var error = line.Length > MaxRequestChars
                ? GatewayMessages.AdminCommentTooLong(AdminCommentWriterCommand.MaxDocumentChars)
                : space <= 0 ? GatewayMessages.AdminCommentHelperRequestUnreadable
                : write(line[..space], line[(space + 1)..]);
            await output.WriteAsync((error is null ? Written : ErrorPrefix + OneLine(error)) + "\n").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>
    /// One line without its line break, or null at the end of <paramref name="reader"/>. A line longer than
    /// <paramref name="maxChars"/> is read to its end but kept only to <paramref name="maxChars"/> + 1 characters.
    /// </summary>
    public static async Task<string?> ReadLineAsync(TextReader reader, int maxChars, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var line = new StringBuilder();
        var one = new char[1];
        while (true)
        {
            if (await reader.ReadAsync(one.AsMemory(), cancellationToken).ConfigureAwait(false) == 0)
                return line.Length == 0 ? null : line.ToString();
            if (one[0] == '\n')
                return line.ToString();
            if (line.Length <= maxChars)
                line.Append(one[0]);
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
