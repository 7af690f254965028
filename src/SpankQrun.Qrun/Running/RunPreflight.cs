using SpankQrun.Primitives;
using SpankQrun.Qrun.Checking;
using SpankQrun.Qrun.Configuration;
using SpankQrun.Qrun.Output;
using SpankQrun.Qrun.Slurm;

namespace SpankQrun.Qrun.Running;

/// <summary>
/// What a run has checked before it talks to any service: the input and the settings; and the Slurm time left,
/// still being asked (squeue takes tens of milliseconds, which the first requests need not wait for), or null when
/// the run did not ask (gateway mode: the gateway reads it from its own Slurm record).
/// </summary>
internal sealed record RunPreflight<TSettings>(byte[] Input, TSettings Settings, Task<TimeSpan?>? TimeLeft);

/// <summary>
/// The checks direct and gateway mode share, in order: read the input, read the settings (or print hints from the
/// job and the site), validate the input for the primitive, check the results path. The question to Slurm for the
/// time left (squeue: some 10 ms, 7 ms of it CPU) is asked as soon as the settings are read, so that it runs while the
/// input is validated (the built qrun started that squeue before its runtime: Slurm/EarlySqueue.cs); the caller
/// awaits its answer where it is needed. A run that ends at a later check
/// stops it again (squeue is killed). A caller that does not need it passes <c>askTimeLeft: false</c>.
/// </summary>
internal static class RunPreflight
{
    /// <summary>The checked run, or null with <paramref name="exitCode"/> set to the exit code to return.</summary>
    public static (RunPreflight<TSettings>? Preflight, int ExitCode) Run<TSettings>(
        QrunHost host, Reporter reporter, QrunRequest request,
        Func<Func<string, string?>, List<string>, TSettings?> readSettings, Func<TSettings, PrimitiveKind> primitiveOf,
        Func<int> interruptedExitCode, CancellationToken interruption, bool askTimeLeft = true, Action<TSettings>? onSettingsRead = null)
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

        // Whatever needs only the settings starts here, beside the checks (gateway mode: the creation's credential).
        onSettingsRead?.Invoke(settings);
        if (!askTimeLeft)
        {
            var checkedOnly = Check(request, input, primitiveOf(settings), reporter, interruptedExitCode, interruption);
            return checkedOnly == 0 ? (new RunPreflight<TSettings>(input, settings, null), 0) : (null, checkedOnly);
        }

        var timeLeftStop = CancellationTokenSource.CreateLinkedTokenSource(interruption);
        var timeLeft = host.TimeLeft(host.Environment, reporter.Line, timeLeftStop.Token);
        var exitCode = Check(request, input, primitiveOf(settings), reporter, interruptedExitCode, interruption);
        if (exitCode != 0)
        {
            // Cancelled before the continuation below may dispose the source.
            timeLeftStop.Cancel();
        }

        _ = timeLeft.ContinueWith(
            static (task, stop) =>
            {
                _ = task.Exception;
                ((CancellationTokenSource)stop!).Dispose();
            },
            timeLeftStop, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return exitCode == 0 ? (new RunPreflight<TSettings>(input, settings, timeLeft), 0) : (null, exitCode);
    }

    /// <summary>The checks after the settings: 0 when the run may go on, else its exit code.</summary>
    private static int Check(QrunRequest request, byte[] input, PrimitiveKind primitive, Reporter reporter, Func<int> interruptedExitCode, CancellationToken interruption)
    {
        if (!InputCheck.Validate(request.InputPath, input, primitive, reporter))
            return ExitCodes.UsageOrConfiguration;

        if (request.ResultsPath is not null)
        {
            try
            {
                ResultsWriter.EnsureWritable(request.ResultsPath);
            }
            catch (ResultsPathException exception)
            {
                reporter.Line(exception.Message);
                return ExitCodes.UsageOrConfiguration;
            }
        }

        return interruption.IsCancellationRequested ? interruptedExitCode() : 0;
    }
}
