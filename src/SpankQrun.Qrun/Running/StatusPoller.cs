using SpankQrun.Qrun.Output;

namespace SpankQrun.Qrun.Running;

/// <summary>
/// Polls a job's status until it is final, in both modes (the Direct Access API, the gateway): prints each change,
/// and starts the polls <see cref="PollBackoff"/>'s delay apart, back to the shortest delay after every change.
/// </summary>
internal sealed class StatusPoller(QrunHost host, Reporter reporter)
{
    /// <summary>The first answer of <paramref name="poll"/> whose status is final.</summary>
    public async Task<T> UntilFinalAsync<T>(string id, Func<CancellationToken, Task<T>> poll, Func<T, string> status, Func<T, bool> isFinal, CancellationToken cancellationToken)
    {
        string? lastStatus = null;
        var unchangedPolls = 0;
        while (true)
        {
            var pollStarted = host.Time.GetTimestamp();
            var job = await poll(cancellationToken).ConfigureAwait(false);
            var current = status(job);
            if (!string.Equals(current, lastStatus, StringComparison.Ordinal))
            {
                lastStatus = current;
                reporter.Line(QrunMessages.StatusChanged(id, current, reporter.Elapsed));
                unchangedPolls = 0;
            }
            else
            {
                unchangedPolls++;
            }

            if (isFinal(job))
            {
                return job;
            }

            await Task.Delay(host.Poll.WaitAfter(unchangedPolls, host.Time.GetElapsedTime(pollStarted)), host.Time, cancellationToken).ConfigureAwait(false);
        }
    }
}
