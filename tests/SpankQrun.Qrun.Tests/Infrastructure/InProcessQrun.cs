using SpankQrun.DirectAccess.Http;
using SpankQrun.Qrun.Running;

namespace SpankQrun.Qrun.Tests.Infrastructure;

/// <summary>Runs qrun as an in-process command with captured writers, fast retries and fast polling.</summary>
internal static class InProcessQrun
{
    public static readonly RetrySettings FastRetry = new(3, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(20));

    public static QrunHost Host(IReadOnlyDictionary<string, string> environment) =>
        new(name => environment.TryGetValue(name, out var value) ? value : null)
        {
            Retry = FastRetry,
            Poll = new PollBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250)),
            CleanupTimeout = TimeSpan.FromSeconds(15),
            CleanupPollInterval = TimeSpan.FromMilliseconds(100),
            HandleSignals = false,
            TimeLeft = (_, _, _) => Task.FromResult<TimeSpan?>(null),
        };

    public static Task<QrunResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(Host(environment), CancellationToken.None, args);

    public static async Task<QrunResult> RunAsync(QrunHost host, CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new SynchronizedStringWriter();
        var exitCode = await QrunApp.RunAsync(args, host, output, error, cancellationToken);
        return new QrunResult(exitCode, output.ToString(), error.ToString());
    }
}
