using System.Diagnostics;
using System.Text;

namespace SpankQrun.Gateway.Slurm;

/// <summary>Runs a Slurm command with a time limit and a bound on what it may print.</summary>
public static class CommandRunner
{
    /// <summary>The most output read from one command.</summary>
    public const int MaxOutputChars = 4 * 1024 * 1024;

    /// <summary>Exit code, standard output and standard error of one run.</summary>
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Runs <paramref name="file"/>; throws <see cref="SlurmUnavailableException"/> when it cannot start or overruns.</summary>
    public static async Task<Result> RunAsync(string file, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["LC_ALL"] = "C";
        // Times in one form whatever the site's environment: SlurmEndTime reads squeue's %e.
        start.Environment["SLURM_TIME_FORMAT"] = "standard";
        start.Environment["TZ"] = "UTC";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new SlurmUnavailableException(GatewayMessages.SlurmCommandFailedToStart(file, "no process"));
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new SlurmUnavailableException(GatewayMessages.SlurmCommandFailedToStart(file, e.Message));
        }

        using (process)
        {
            process.StandardInput.Close();
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timer.CancelAfter(timeout);
            var output = ReadBoundedAsync(process.StandardOutput, timer.Token);
            var error = ReadBoundedAsync(process.StandardError, timer.Token);
            try
            {
                await process.WaitForExitAsync(timer.Token).ConfigureAwait(false);
                return new Result(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
            }
            catch (OperationCanceledException)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }

                cancellationToken.ThrowIfCancellationRequested();
                throw new SlurmUnavailableException(GatewayMessages.SlurmCommandTimedOut(file, timeout));
            }
        }
    }

    private static async Task<string> ReadBoundedAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (text.Length + read <= MaxOutputChars)
                text.Append(buffer, 0, read);
        }

        return text.ToString();
    }
}
