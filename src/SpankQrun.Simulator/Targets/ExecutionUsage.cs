namespace SpankQrun.Simulator.Targets;

/// <summary>
/// What a run would have cost on the backend, from the schedule model: <see cref="CircuitNanoseconds"/> is
/// Σ executions × circuit duration, <see cref="QuantumNanoseconds"/> adds the repetition delay of every execution.
/// </summary>
public sealed record ExecutionUsage(long CircuitNanoseconds, long QuantumNanoseconds, long Executions)
{
    public static ExecutionUsage Zero { get; } = new(0, 0, 0);

    public ExecutionUsage Add(long executions, long durationNs, long repDelayNs) => new(
        Saturating(CircuitNanoseconds, Saturating(executions, durationNs, multiply: true)),
        Saturating(QuantumNanoseconds, Saturating(executions, durationNs + repDelayNs, multiply: true)),
        Saturating(Executions, executions));

    private static long Saturating(long a, long b, bool multiply = false)
    {
        try
        {
            return multiply ? checked(a * b) : checked(a + b);
        }
        catch (OverflowException)
        {
            return long.MaxValue;
        }
    }
}
