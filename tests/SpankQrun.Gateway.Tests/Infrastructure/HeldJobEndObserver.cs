using SpankQrun.Gateway.Jobs;
using SpankQrun.Gateway.Store;

namespace SpankQrun.Gateway.Tests.Infrastructure;

/// <summary>A Direct Access job-end observer that holds every call until the test releases it.</summary>
public sealed class HeldJobEndObserver : IDirectAccessJobEndObserver
{
    private readonly List<string> seen = [];

    /// <summary>Set when the first call starts.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set by the test to let the calls end.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The jobs of the calls that ended once released, in order.</summary>
    public IReadOnlyList<string> Seen
    {
        get
        {
            lock (seen)
                return [.. seen];
        }
    }

    /// <summary>Whether a call was cancelled while held.</summary>
    public bool Cancelled { get; private set; }

    public async Task OnDirectAccessJobEndedAsync(GatewayJob job, CancellationToken cancellationToken)
    {
        Started.TrySetResult();
        try
        {
            await Release.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Cancelled = true;
            throw;
        }

        lock (seen)
            seen.Add(job.Id);
    }
}
