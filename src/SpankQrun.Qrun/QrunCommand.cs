using System.CommandLine;
using System.Runtime.InteropServices;
using SpankQrun.Qrun.Output;
using SpankQrun.Qrun.Running;
using SpankQrun.Qrun.Signals;

namespace SpankQrun.Qrun;

/// <summary>Defines qrun's command line and binds it to a <see cref="JobRunner"/>.</summary>
internal static class QrunCommand
{
    public static RootCommand Create(QrunHost host)
    {
        var input = new Argument<FileInfo>("INPUT") { Description = QrunMessages.InputArgumentHelp };
        var results = new Option<FileInfo?>("--results") { Description = QrunMessages.ResultsOptionHelp, HelpName = "FILE" };
        var httpTimeout = new Option<double?>("--http-timeout") { Description = QrunMessages.HttpTimeoutOptionHelp, HelpName = "SECONDS" };
        httpTimeout.Validators.Add(result =>
        {
            // Only a number that parsed can be out of range; System.CommandLine reports one that did not parse.
            if (result.Tokens is [var token]
                && double.TryParse(token.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                && (seconds <= 0 || seconds > 86400 || double.IsNaN(seconds)))
            {
                result.AddError(QrunMessages.HttpTimeoutInvalid(seconds));
            }
        });

        var root = new RootCommand(QrunMessages.CommandDescription) { input, results, httpTimeout };
        root.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            var reporter = new Reporter(configuration.Error, host.Time);
            if (Slurm.SingleTaskStep.Refusal(host.Environment) is { } refusal)
            {
                reporter.Line(refusal);
                return ExitCodes.UsageOrConfiguration;
            }

            using var signals = new TerminationSignals(host.HandleSignals, reporter.Line, cancellationToken);
            var request = new QrunRequest(
                parseResult.GetRequiredValue(input).FullName,
                parseResult.GetValue(results)?.FullName,
                parseResult.GetValue(httpTimeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null);

            int InterruptedExitCode() =>
                signals.Received == PosixSignal.SIGTERM ? ExitCodes.InterruptedBySigterm : ExitCodes.InterruptedBySigint;

            var runner = new JobRunner(host, reporter, configuration.Output, InterruptedExitCode);
            try
            {
                var exitCode = await runner.RunAsync(request, signals.Token).ConfigureAwait(false);
                if (exitCode is ExitCodes.InterruptedBySigint or ExitCodes.InterruptedBySigterm)
                {
                    reporter.Line(QrunMessages.Interrupted(signals.Received is { } signal ? TerminationSignals.Name(signal) : "cancellation", exitCode));
                }

                return exitCode;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A bug, not a user error: say what it was, without a stack trace full of internals.
                reporter.Line(QrunMessages.InternalError(exception.GetType().Name, exception.Message));
                return ExitCodes.InternalError;
            }
        });
        return root;
    }
}
