using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using SpankQrun.Accounting.Slurm;
using SpankQrun.Accounting.Usage;
using SpankQrun.Gateway.Configuration;

namespace SpankQrun.Gateway.Jobs;

/// <summary>
/// Sets running jobs' AdminComments through the gateway's lasting child process <c>qrun-gateway admin-comment-helper</c>
/// (<see cref="AdminCommentHelperCommand"/>), started with the gateway: an update takes about 1 ms of slurmctld's time
/// instead of the 10-20 ms of starting scontrol, which qrun's last request waits for. One update at a time, each
/// bounded by <c>slurm_timeout_secs</c>. When the child cannot start, ends or answers nonsense, it is stopped and the
/// update goes through <paramref name="fallback"/> (scontrol), as do all updates for <see cref="RestartDelay"/>; the
/// first update after that starts a new child.
/// </summary>
public sealed class AdminCommentHelper(GatewaySettings settings, IRunningJobAdminComment fallback, ILogger<AdminCommentHelper> logger,
    IReadOnlyList<string>? command = null) : IRunningJobAdminComment, IHostedService, IDisposable
{
    /// <summary>The longest answer line read: "ok", or "error " and one of libslurm's messages.</summary>
    private const int MaxAnswerChars = 4096;

    /// <summary>How long after a child failed the next one may start: scontrol serves meanwhile.</summary>
    public static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(60);

    private readonly IReadOnlyList<string> command = command ?? AdminCommentWriterCommand.OfThisProcess(AdminCommentHelperCommand.Name);
    private readonly SemaphoreSlim gate = new(1, 1);
    private Process? child;
    private long? failedAt;
    private bool stopped;

    /// <summary>The running child's process id, or null (for tests).</summary>
    public int? ChildProcessId => child?.Id;

    public async Task<CommandResult> SetAsync(string slurmJobId, string document, CancellationToken cancellationToken)
    {
        var request = AdminCommentHelperCommand.Request(slurmJobId, document);
        if (request is not null)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (await TryExchangeAsync(request, cancellationToken).ConfigureAwait(false) is { } result)
                    return result;
            }
            finally
            {
                gate.Release();
            }
        }

        return await fallback.SetAsync(slurmJobId, document, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The child's answer, or null when the fallback must serve (no child working). Called under the gate.</summary>
    private async Task<CommandResult?> TryExchangeAsync(string request, CancellationToken cancellationToken)
    {
        // Stopped: the gateway's last updates (its stop waits for them) go through scontrol.
        if (stopped || (child is null && failedAt is { } failed && Environment.TickCount64 - failed < RestartDelay.TotalMilliseconds))
            return null;

        string failure;
        try
        {
            var process = child ??= Start();
            var answer = await ExchangeAsync(process, request).WaitAsync(settings.SlurmTimeout, cancellationToken).ConfigureAwait(false);
            if (answer == AdminCommentHelperCommand.Written)
                return new CommandResult(0, string.Empty, string.Empty);
            if (answer is not null && answer.StartsWith(AdminCommentHelperCommand.ErrorPrefix, StringComparison.Ordinal))
                return new CommandResult(1, string.Empty, answer[AdminCommentHelperCommand.ErrorPrefix.Length..]);
            failure = answer is null ? "ended" : "answered something else than ok or error";
        }
        catch (TimeoutException)
        {
            // slurmctld is not answering: scontrol would wait as long; the update is written once the job's end is seen.
            StopChild();
            return new CommandResult(124, string.Empty, GatewayMessages.AdminCommentHelperTimedOut(settings.SlurmTimeout));
        }
        catch (OperationCanceledException)
        {
            // The exchange still reads the child's answer: a next request on that child would read this one's.
            StopChild();
            throw;
        }
        catch (Exception e) when (e is IOException or Win32Exception or InvalidOperationException)
        {
            failure = $"failed: {e.Message}";
        }

        StopChild();
        failedAt = Environment.TickCount64;
        logger.LogWarning("{Message}", GatewayMessages.AdminCommentHelperFailed(failure));
        return null;
    }

    /// <summary>Starts the child with the gateway, so that the first job's update does not wait for it to start.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            child ??= Start();
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            failedAt = Environment.TickCount64;
            logger.LogWarning("{Message}", GatewayMessages.AdminCommentHelperFailed($"could not start: {e.Message}"));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Closes the child's stdin (it ends by itself), and stops it if it has not within 2 s.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            stopped = true;
            if (child is { } process)
            {
                try
                {
                    process.StandardInput.Close();
                    await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException or OperationCanceledException)
                {
                    // Stopped below.
                }

                StopChild();
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        StopChild();
        gate.Dispose();
    }

    private static async Task<string?> ExchangeAsync(Process process, string request)
    {
        await process.StandardInput.WriteAsync(request).ConfigureAwait(false);
        await process.StandardInput.FlushAsync().ConfigureAwait(false);
        var answer = await AdminCommentHelperCommand.ReadLineAsync(process.StandardOutput, MaxAnswerChars, CancellationToken.None).ConfigureAwait(false);
        return answer is { Length: > MaxAnswerChars } ? answer[..MaxAnswerChars] : answer;
    }

    private Process Start()
    {
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in command.Skip(1))
            start.ArgumentList.Add(argument);
        var process = new Process { StartInfo = start };
        // libslurm's own complaints (slurmctld unreachable, a slurm.conf problem) reach the gateway's log.
        process.ErrorDataReceived += (_, line) =>
        {
            if (!string.IsNullOrWhiteSpace(line.Data))
                logger.LogWarning("{Message}", GatewayMessages.AdminCommentHelperSaid(line.Data.Length > 500 ? line.Data[..500] : line.Data));
        };
        try
        {
            process.Start();
            process.BeginErrorReadLine();
        }
        catch
        {
            process.Dispose();
            throw;
        }

        logger.LogInformation("AdminComment helper started (pid {Pid})", process.Id);
        return process;
    }

    private void StopChild()
    {
        if (child is not { } process)
            return;
        child = null;
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // Already gone.
        }

        process.Dispose();
    }
}
