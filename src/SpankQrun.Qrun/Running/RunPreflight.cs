using SpankQrun.Primitives;
using SpankQrun.Qrun.Checking;
using SpankQrun.Qrun.Configuration;
using SpankQrun.Qrun.Output;
using SpankQrun.Qrun.Slurm;

namespace SpankQrun.Qrun.Running;

/// <summary>
/// What a run has checked before it talks to any service: the input and the settings; and the Slurm time left,
/// still being asked (squeue takes tens of milliseconds, which the first requests need not wait for).
/// </summary>
internal sealed record RunPreflight<TSettings>(byte[] Input, TSettings Settings, Task<TimeSpan?> TimeLeft);

/// <summary>
/// The checks direct and gateway mode share, in order: read the input, read the settings (or print hints from the
/// job and the site), validate the input for the primitive, check the results path; then the question to Slurm for
/// the time left is started, and its answer awaited by the caller where it is needed.
/// </summary>
internal static class RunPreflight
{
    /// <summary>The checked run, or null with <paramref name="exitCode"/> set to the exit code to return.</summary>
    public static (RunPreflight<TSettings>? Preflight, int ExitCode) Run<TSettings>(
        QrunHost host, Reporter reporter, QrunRequest request,
        Func<Func<string, string?>, List<string>, TSettings?> readSettings, Func<TSettings, PrimitiveKind> primitiveOf,
        Func<int> interruptedExitCode, CancellationToken interruption)
        where TSettings : class
    {
        var input = InputCheck.Read(request.InputPath, reporter);
        if (input is null)
            return (null, ExitCodes.UsageOrConfiguration);

        var errors = new List<string>();
        var settings = readSettings(host.Environment, errors);
        if (settings is null)
        {
            foreach (var hint in EnvironmentHints.Describe(host.Environment, errors, PrimitiveGuess.Of(input), SiteBackends.Read(host.PlugstackPath)))
                reporter.Line(hint);
            return (null, ExitCodes.UsageOrConfiguration);
        }

        if (!InputCheck.Validate(request.InputPath, input, primitiveOf(settings), reporter))
            return (null, ExitCodes.UsageOrConfiguration);

        if (request.ResultsPath is not null)
        {
            try
            {
                ResultsWriter.EnsureWritable(request.ResultsPath);
            }
            catch (ResultsPathException exception)
            {
                reporter.Line(exception.Message);
                return (null, ExitCodes.UsageOrConfiguration);
            }
        }

        if (interruption.IsCancellationRequested)
            return (null, interruptedExitCode());

        return (new RunPreflight<TSettings>(input, settings, host.TimeLeft(host.Environment, reporter.Line, interruption)), 0);
    }
}
