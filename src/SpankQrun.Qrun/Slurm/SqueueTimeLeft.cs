using System.Diagnostics;

namespace SpankQrun.Qrun.Slurm;

/// <summary>Asks Slurm how long the current job has left: <c>squeue -h -j $SLURM_JOB_ID -o %L</c>.</summary>
internal static class SqueueTimeLeft
{
    private static readonly TimeSpan SqueueTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The job's time left; null when not in a Slurm job, when the limit is UNLIMITED, or when squeue
    /// cannot tell (then <paramref name="warn"/> says why).
    /// </summary>
    public static async Task<TimeSpan?> QueryAsync(Func<string, string?> environment, Action<string> warn, CancellationToken cancellationToken)
    {
        var jobId = environment("SLURM_JOB_ID");
        if (string.IsNullOrWhiteSpace(jobId))
        {
            return null;
        }

        var start = new ProcessStartInfo("squeue")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-h", "-j", jobId.Trim(), "-o", "%L" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                warn(QrunMessages.SqueueFailed(jobId, QrunMessages.SqueueNotStarted));
                return null;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(SqueueTimeout);
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token).ConfigureAwait(false);
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            if (process.ExitCode == 0 && SlurmTimeLeft.TryParse(line, out var timeLeft))
            {
                return timeLeft;
            }

            warn(QrunMessages.SqueueFailed(jobId, QrunMessages.SqueueAnswered(process.ExitCode, line)));
            return null;
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            warn(QrunMessages.SqueueFailed(jobId, exception.Message));
            return null;
        }
    }
}
