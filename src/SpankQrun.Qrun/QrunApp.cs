using System.CommandLine;
using System.CommandLine.Help;
using SpankQrun.Qrun.Cli;

namespace SpankQrun.Qrun;

/// <summary>Parses and runs one qrun invocation with the given output and error writers.</summary>
internal static class QrunApp
{
    public static async Task<int> RunAsync(string[] args, QrunHost host, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var (root, options) = QrunCommand.Create(host);
        var parseResult = root.Parse(args);
        if (parseResult.Action is not HelpAction)
        {
            // Usage errors are qrun's own one-line messages; the full help is only for --help.
            var problems = UsageErrors.Describe(parseResult, options);
            if (problems.Count == 0 && parseResult.Errors.Count == 0 && parseResult.GetValue(options.Input) is null
                && !parseResult.Tokens.Any(token => token.Value is "--version" or "-V"))
            {
                problems = [QrunMessages.MissingInput];
            }

            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await error.WriteLineAsync("qrun: " + problem).ConfigureAwait(false);
                }

                await error.FlushAsync(cancellationToken).ConfigureAwait(false);
                return ExitCodes.UsageOrConfiguration;
            }
        }

        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // qrun handles SIGTERM/SIGINT itself (see TerminationSignals) so cleanup is never cut short.
            ProcessTerminationTimeout = null,
        };
        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
