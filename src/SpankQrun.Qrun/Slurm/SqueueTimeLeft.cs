using System.Diagnostics;

namespace SpankQrun.Qrun.Slurm;

/// <summary>Asks Slurm how long the current job has left: <c>squeue -h -j $SLURM_JOB_ID -o %L</c>.</summary>
internal static class SqueueTimeLeft
{
    internal static readonly TimeSpan SqueueTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The job's time left; null when not in a Slurm job, when the limit is UNLIMITED, or when squeue
    /// cannot tell (then <paramref name="warn"/> says why).
    /// </summary>
    public static Task<TimeSpan?> QueryAsync(Func<string, string?> environment, Action<string> warn, CancellationToken cancellationToken) =>
        QueryAsync(environment, warn, SqueueTimeout, cancellationToken);

    /// <summary>As above, giving squeue <paramref name="squeueTimeout"/> to answer before it is killed.</summary>
    internal static async Task<TimeSpan?> QueryAsync(Func<string, string?> environment, Action<string> warn, TimeSpan squeueTimeout, CancellationToken cancellationToken)
    {
        var jobId = environment("SLURM_JOB_ID");
        if (string.IsNullOrWhiteSpace(jobId))
        {
            return null;
        }

        var start = new ProcessStartInfo(Locate("squeue", environment("PATH")))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-h", "-j", jobId.Trim(), "-o", "%L" })
        {
            start.ArgumentList.Add(argument);
        }

        Process? process = null;
        try
        {
            process = Process.Start(start);
            if (process is null)
            {
                warn(QrunMessages.SqueueFailed(jobId, QrunMessages.SqueueNotStarted));
                return null;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(squeueTimeout);
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token).ConfigureAwait(false);
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            return Interpret(jobId, process.ExitCode, output, warn);
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            warn(QrunMessages.SqueueFailed(jobId, exception is OperationCanceledException ? QrunMessages.SqueueHung(squeueTimeout) : exception.Message));
            return null;
        }
        finally
        {
            // A hung squeue (slurmctld unreachable) must not outlive qrun.
            KillIfRunning(process);
            process?.Dispose();
        }
    }

    /// <summary>The time left squeue printed, or null (UNLIMITED; or a failure, which <paramref name="warn"/> reports).</summary>
    internal static TimeSpan? Interpret(string jobId, int exitCode, string output, Action<string> warn)
    {
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (exitCode == 0 && SlurmTimeLeft.TryParse(line, out var timeLeft))
        {
            return timeLeft;
        }

        warn(QrunMessages.SqueueFailed(jobId, QrunMessages.SqueueAnswered(exitCode, line)));
        return null;
    }

    /// <summary>The program's path on <paramref name="path"/> (the PATH qrun was given), else its bare name.</summary>
    private static string Locate(string program, string? path) =>
        (path ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists) ?? program;

    private static void KillIfRunning(Process? process)
    {
        try
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(2));
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // It exited meanwhile.
        }
    }
}
