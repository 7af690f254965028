using System.CommandLine;
using System.Runtime.InteropServices;
using SpankQrun.Qrun.Checking;
using SpankQrun.Qrun.Cli;
using SpankQrun.Qrun.Output;
using SpankQrun.Qrun.Running;
using SpankQrun.Qrun.Signals;

namespace SpankQrun.Qrun;

/// <summary>Defines qrun's command line and binds it to a <see cref="JobRunner"/> (or, with --check, to <see cref="InputCheck"/>).</summary>
internal static class QrunCommand
{
    public static (RootCommand Root, QrunOptions Options) Create(QrunHost host)
    {
        var options = new QrunOptions(host.MaxTimeoutSeconds);
        var root = new RootCommand(QrunMessages.CommandDescription) { options.Input };
        foreach (var option in options.All)
        {
            root.Options.Add(option);
        }

        // -V as upstream's qrun spells --version.
        root.Options.OfType<VersionOption>().Single().Aliases.Add("-V");

        root.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            var reporter = new Reporter(configuration.Error, host.Time);
            var inputPath = Path.GetFullPath(parseResult.GetValue(options.Input)!);
            if (parseResult.GetValue(options.Check))
            {
                return InputCheck.Run(inputPath, host.Environment, reporter);
            }

            if (Slurm.SingleTaskStep.Refusal(host.Environment) is { } refusal)
            {
                reporter.Line(refusal);
                return ExitCodes.UsageOrConfiguration;
            }

            using var signals = new TerminationSignals(host.HandleSignals, reporter.Line, host.Time, cancellationToken);
            var request = new QrunRequest(
                inputPath,
                parseResult.GetValue(options.Results) is { } results ? Path.GetFullPath(results) : null,
                parseResult.GetValue(options.HttpTimeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null)
            {
                TimeoutSeconds = parseResult.GetValue(options.Timeout) is { } timeout ? (long)timeout : null,
                LogLevel = parseResult.GetValue(options.LogLevel) ?? "info",
            };

            int InterruptedExitCode() =>
                signals.Received == PosixSignal.SIGTERM ? ExitCodes.InterruptedBySigterm : ExitCodes.InterruptedBySigint;

            var runner = new JobRunner(host, reporter, configuration.Output, InterruptedExitCode);
            try
            {
                var exitCode = await runner.RunAsync(request, signals.Token).ConfigureAwait(false);
                if (exitCode is ExitCodes.InterruptedBySigint or ExitCodes.InterruptedBySigterm)
                {
                    reporter.Line(DescribeInterruption(runner.Trace, signals, exitCode));
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
        return (root, options);
    }

    /// <summary>
    /// The last line of an interrupted run. A SIGTERM at or after the Slurm job's end time is its time limit
    /// (slurmctld checks limits periodically, so the signal comes at or somewhat after the deadline).
    /// </summary>
    private static string DescribeInterruption(JobTrace trace, TerminationSignals signals, int exitCode)
    {
        var id = trace.JobMayExist ? trace.Id : null;
        if (signals.Received == PosixSignal.SIGTERM && trace.SlurmDeadline is { } deadline && signals.ReceivedAt is { } at
            && at >= deadline - TimeSpan.FromSeconds(5))
        {
            return QrunMessages.TimeLimitReached(id, trace.JobRemoved, exitCode);
        }

        var cause = signals.Received is { } signal ? TerminationSignals.Name(signal) : "cancellation";
        return QrunMessages.Interrupted(cause, id, trace.JobRemoved, exitCode);
    }
}
