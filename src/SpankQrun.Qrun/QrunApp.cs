using System.CommandLine;

namespace SpankQrun.Qrun;

/// <summary>Parses and runs one qrun invocation with the given output and error writers.</summary>
internal static class QrunApp
{
    public static async Task<int> RunAsync(string[] args, QrunHost host, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parseResult = QrunCommand.Create(host).Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // qrun handles SIGTERM/SIGINT itself (see TerminationSignals) so cleanup is never cut short.
            ProcessTerminationTimeout = null,
        };
        var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        return parseResult.Errors.Count > 0 ? ExitCodes.UsageOrConfiguration : exitCode;
    }
}
