using SpankQrun.Qrun.Output;
using SpankQrun.Qrun.Running;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

public sealed class StatusPollerTests
{
    private static readonly PollBackoff Backoff = new(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(40));

    [Fact]
    public async Task UntilFinal_PrintsEachChangeOnce_ReturnsTheFinalAnswer_AndWaitsLongerOnlyWhileNothingChanges()
    {
        var clock = new RecordingDelays();
        var (poller, error) = Poller(clock);
        var answers = new Queue<string>(["Queued", "Queued", "Running", "Running", "Running", "Completed"]);
        var polls = 0;

        var final = await poller.UntilFinalAsync(
            "j1", _ => { polls++; return Task.FromResult(answers.Dequeue()); }, status => status, status => status == "Completed", CancellationToken.None);

        Assert.Equal("Completed", final);
        Assert.Equal(6, polls);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Queued", "Running", "Completed"], lines.Select(l => Assert.Single(System.Text.RegularExpressions.Regex.Matches(l, "^qrun: job j1 is (\\w+) \\(after")).Groups[1].Value));
        // Back to the shortest wait after each change; none after the final answer.
        Assert.Equal([10, 20, 10, 20, 40], clock.Waits.Select(w => (int)w.TotalMilliseconds));
    }

    [Fact]
    public async Task UntilFinal_AFailingPoll_EndsThePolling_WithItsOwnException()
    {
        var clock = new RecordingDelays();
        var (poller, _) = Poller(clock);
        var polls = 0;

        var thrown = await Assert.ThrowsAsync<QrunFailure>(() => poller.UntilFinalAsync<string>(
            "j2",
            _ => ++polls == 1 ? Task.FromResult("Queued") : throw new QrunFailure(ExitCodes.ServiceUnavailable, "gone"),
            status => status,
            _ => false,
            CancellationToken.None));

        Assert.Equal("gone", thrown.Message);
        Assert.Equal(2, polls);
        Assert.Single(clock.Waits);
    }

    [Fact]
    public async Task UntilFinal_Cancelled_StopsBeforeTheNextPoll()
    {
        var clock = new RecordingDelays();
        var (poller, _) = Poller(clock);
        using var cancel = new CancellationTokenSource();
        var polls = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poller.UntilFinalAsync(
            "j3",
            _ => { polls++; cancel.Cancel(); return Task.FromResult("Running"); },
            status => status,
            _ => false,
            cancel.Token));

        Assert.Equal(1, polls);
    }

    private static (StatusPoller Poller, StringWriter Error) Poller(TimeProvider clock)
    {
        var error = new StringWriter();
        var host = new QrunHost(_ => null) { Poll = Backoff, Time = clock };
        return (new StatusPoller(host, new Reporter(error, TimeProvider.System)), error);
    }

    /// <summary>Records every delay asked for and ends it at once; its clock stands still, so a poll takes no time.</summary>
    private sealed class RecordingDelays : TimeProvider
    {
        private readonly List<TimeSpan> waits = [];

        public IReadOnlyList<TimeSpan> Waits
        {
            get
            {
                lock (waits)
                {
                    return [.. waits];
                }
            }
        }

        public override long GetTimestamp() => 0;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (waits)
            {
                waits.Add(dueTime);
            }

            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return new EndedTimer();
        }

        private sealed class EndedTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => false;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
