using System.Diagnostics;
using SpankQrun.Gateway.Jobs;
using SpankQrun.TestSupport;
using Xunit;

namespace SpankQrun.Gateway.Tests.Service;

/// <summary>The hidden subcommand the gateway runs to write an AdminComment: its stdin is bounded.</summary>
public sealed class AdminCommentWriterCommandTests
{
    [Fact]
    public async Task A_document_past_the_bound_is_refused_before_slurmdbd_is_asked()
    {
        var dll = Path.Combine(RepositoryPaths.Root, "artifacts", "bin", "SpankQrun.Gateway", "debug", "qrun-gateway.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, AdminCommentWriterCommand.Name, "42" })
            start.ArgumentList.Add(argument);
        // Slurm would answer "connection refused" at once if asked; the bound must refuse first.
        start.Environment["SLURM_CONF"] = "/nonexistent/slurm.conf";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();

        try
        {
            // Ten times the bound; the child stops reading at the bound, so the rest may be refused with EPIPE.
            await process.StandardInput.WriteAsync(new string('x', AdminCommentWriterCommand.MaxDocumentChars * 10));
            process.StandardInput.Close();
        }
        catch (IOException)
        {
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(4, process.ExitCode);
        Assert.Contains($"longer than {AdminCommentWriterCommand.MaxDocumentChars} characters; nothing was written", await stderr, StringComparison.Ordinal);
        Assert.Empty(await stdout);
    }

    [Theory]
    [InlineData("{\"qrun\":{}}\n", "{\"qrun\":{}}")]
    [InlineData("", "")]
    public async Task A_document_within_the_bound_is_read_whole(string input, string expected) =>
        Assert.Equal(expected, await AdminCommentWriterCommand.ReadDocumentAsync(new StringReader(input), CancellationToken.None));

    [Fact]
    public async Task Exactly_the_bound_is_accepted_and_one_more_is_not()
    {
        Assert.NotNull(await AdminCommentWriterCommand.ReadDocumentAsync(new StringReader(new string('a', AdminCommentWriterCommand.MaxDocumentChars)), CancellationToken.None));
        Assert.Null(await AdminCommentWriterCommand.ReadDocumentAsync(new StringReader(new string('a', AdminCommentWriterCommand.MaxDocumentChars + 1)), CancellationToken.None));
    }
}
