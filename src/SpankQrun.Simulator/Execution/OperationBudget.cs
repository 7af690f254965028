namespace SpankQrun.Simulator.Execution;

/// <summary>
/// Counts every gate call an expansion makes (empty ones and calls of user gates included) and observes
/// cancellation while doing so, so a circuit of nested gate definitions stops at the budget, not after 10⁹ calls.
/// </summary>
internal sealed class OperationBudget(int pub, long limit, CancellationToken cancellationToken)
{
    private const int CheckEvery = 1024;
    private long _spent;

    public long Limit { get; } = limit;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public void Spend(long count = 1)
    {
        _spent += count;
        if (_spent > Limit)
            throw new PubFailureException(PrimitiveFailureCodes.TooLarge, ExecutionMessages.TooManyOperations(pub, Limit));
        if ((_spent & (CheckEvery - 1)) == 0 || count > 1)
            CancellationToken.ThrowIfCancellationRequested();
    }
}
