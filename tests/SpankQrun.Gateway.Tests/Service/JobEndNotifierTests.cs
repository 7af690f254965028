using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SpankQrun.Gateway.Jobs;
using SpankQrun.Gateway.Store;
using SpankQrun.Gateway.Tests.Infrastructure;

namespace SpankQrun.Gateway.Tests.Service;

/// <summary>The job-end observers run beside the request that saw the end; the removal and the stop wait for them.</summary>
public sealed class JobEndNotifierTests
{
    private static GatewayJob Job(string id) => new() { Id = id, SlurmJobId = "42", Backend = "fake_brisbane" };

    [Fact]
    public async Task Notify_ReturnsBeforeTheObserverEnds_AndWaitAsyncEndsWithIt()
    {
        var observer = new HeldJobEndObserver();
        using var notifier = new JobEndNotifier([observer], NullLogger<JobEndNotifier>.Instance);

        notifier.Notify(Job("a"));
        await observer.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var wait = notifier.WaitAsync("a", CancellationToken.None);
        await Task.Delay(50);

        Assert.False(wait.IsCompleted);
        Assert.True(notifier.WaitAsync("another job", CancellationToken.None).IsCompleted);
        observer.Release.SetResult();
        await wait.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["a"], observer.Seen);
    }

    [Fact]
    public async Task AFailingObserver_IsLoggedAndTheNextStillRuns()
    {
        var log = new ListLogger();
        var second = new HeldJobEndObserver();
        second.Release.SetResult();
        using var notifier = new JobEndNotifier([new FailingObserver(), second], log);

        notifier.Notify(Job("b"));
        await notifier.WaitAsync("b", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["b"], second.Seen);
        Assert.Contains(log.Lines, l => l.Contains("job b of Slurm job 42: end observer FailingObserver failed: scontrol refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stop_WaitsForRunningObservers_AndCancelsThemWhenTheHostsStopTimeoutEnds()
    {
        var observer = new HeldJobEndObserver();
        using var notifier = new JobEndNotifier([observer], NullLogger<JobEndNotifier>.Instance);
        notifier.Notify(Job("c"));
        await observer.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        using var timeout = new CancellationTokenSource();
        var stop = notifier.StopAsync(timeout.Token);
        await Task.Delay(50);
        Assert.False(stop.IsCompleted);

        await timeout.CancelAsync();
        await stop.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(observer.Cancelled);
    }

    private sealed class FailingObserver : IDirectAccessJobEndObserver
    {
        public Task OnDirectAccessJobEndedAsync(GatewayJob job, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("scontrol refused");
    }

    private sealed class ListLogger : ILogger<JobEndNotifier>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
                Lines.Add(formatter(state, exception));
        }
    }
}
