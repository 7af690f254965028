using System.Globalization;
using System.Security.Cryptography;
using SpankQrun.Gateway.Configuration;

namespace SpankQrun.Gateway.Slurm;

/// <summary>Asks Slurm (squeue, scontrol, as the gateway's user: root) about jobs. Every call is bounded in time.</summary>
public class SlurmClient(GatewaySettings settings)
{
    /// <summary>The job, or null when Slurm does not know it (never existed, or ended and purged).</summary>
    public virtual async Task<SlurmJobRecord?> FindJobAsync(string jobId, CancellationToken cancellationToken)
    {
        // A delimiter the job's owner cannot guess, so that no text of theirs can shift a field.
        var nonce = "|" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) + "|";
        var format = string.Join(nonce, "%A", "%U", "%u", "%a", "%T", "%Z", "%e") + nonce;
        // squeue and scontrol run side by side: a lookup that is not cached costs one command's time, not two.
        var queueRun = CommandRunner.RunAsync(settings.SqueuePath, ["-h", "-a", "-j", jobId, "-o", format], settings.SlurmTimeout, cancellationToken);
        var showRun = CommandRunner.RunAsync(settings.ScontrolPath, ["show", "job", jobId], settings.SlurmTimeout, cancellationToken);
        await Task.WhenAll(queueRun, showRun).ConfigureAwait(false);
        var queue = await queueRun.ConfigureAwait(false);
        if (IsUnknownJob(queue))
            return null;
        ThrowIfFailed(settings.SqueuePath, queue);
        var fields = queue.Output.Split(nonce);
        var index = Array.FindIndex(fields, f => f.Trim() == jobId);
        if (queue.Output.Length == 0 || index < 0 || fields.Length < index + 7)
            return null;
        if (!uint.TryParse(fields[index + 1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
            throw new SlurmUnavailableException(GatewayMessages.SlurmOutputUnreadable(settings.SqueuePath));

        var show = await showRun.ConfigureAwait(false);
        if (IsUnknownJob(show))
            return null;
        ThrowIfFailed(settings.ScontrolPath, show);
        var (backend, problem) = AdminCommentBinding.Read(show.Output, fields[index + 5]);
        return new SlurmJobRecord(jobId, uid, fields[index + 2].Trim(), fields[index + 3].Trim(), fields[index + 4].Trim(), backend, problem)
        {
            // Unreadable (an unexpected form): not known, and qrun asks Slurm itself.
            TimeLimitKnown = SlurmEndTime.TryParse(fields[index + 6], out var endTime),
            EndTime = endTime,
        };
    }

    /// <summary>The ids of every RUNNING job.</summary>
    public virtual async Task<IReadOnlySet<string>> RunningJobIdsAsync(CancellationToken cancellationToken)
    {
        var result = await CommandRunner.RunAsync(settings.SqueuePath, ["-h", "-a", "-t", "RUNNING", "-o", "%A"], settings.SlurmTimeout, cancellationToken).ConfigureAwait(false);
        ThrowIfFailed(settings.SqueuePath, result);
        return result.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
    }

    private static bool IsUnknownJob(CommandRunner.Result result) =>
        result.ExitCode != 0 && result.Error.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase);

    private static void ThrowIfFailed(string command, CommandRunner.Result result)
    {
        if (result.ExitCode != 0)
            throw new SlurmUnavailableException(GatewayMessages.SlurmCommandFailed(command, result.ExitCode, FirstLine(result.Error)));
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return line.Length > 200 ? line[..200] : line;
    }
}
