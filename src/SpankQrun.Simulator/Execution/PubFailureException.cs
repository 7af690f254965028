namespace SpankQrun.Simulator.Execution;

/// <summary>Stops one run with a user-facing failure; caught by <see cref="PrimitiveExecutor"/> and returned as data.</summary>
internal sealed class PubFailureException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
