namespace SpankQrun.Simulator.Tests.Execution;

/// <summary>
/// A token cancelled after a delay by a thread of its own. A timer-based CancellationTokenSource(TimeSpan) needs a
/// thread-pool thread to run its callback, and a test that runs the threaded simulator on the test host's only pool
/// worker could wait for one for minutes (seen once in CI): the test would then measure the pool, not the simulator.
/// </summary>
internal sealed class CancelLater : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public CancelLater(TimeSpan delay)
    {
        var thread = new Thread(() =>
        {
            Thread.Sleep(delay);
            try
            {
                _source.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        })
        { IsBackground = true, Name = "cancel-later" };
        thread.Start();
    }

    public CancellationToken Token => _source.Token;

    public void Dispose() => _source.Dispose();
}
