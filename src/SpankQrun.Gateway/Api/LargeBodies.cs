namespace SpankQrun.Gateway.Api;

/// <summary>
/// The turns for request bodies above <see cref="GatewayHosting.MaxBodyBytes"/> (job creations with their input
/// inline): a bounded number are read and handled at once, so many connections cannot make the gateway hold many.
/// </summary>
public sealed class LargeBodies(int atOnce) : IDisposable
{
    private readonly SemaphoreSlim turns = new(atOnce, atOnce);

    /// <summary>Waits for a turn; dispose the result to give it back.</summary>
    public async Task<IDisposable> TakeAsync(CancellationToken cancellationToken)
    {
        await turns.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Turn(turns);
    }

    public void Dispose() => turns.Dispose();

    private sealed class Turn(SemaphoreSlim turns) : IDisposable
    {
        private int returned;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref returned, 1) == 0)
                turns.Release();
        }
    }
}
