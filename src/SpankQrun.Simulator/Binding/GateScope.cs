namespace SpankQrun.Simulator.Binding;

/// <summary>The names visible inside a gate definition: its parameters and its qubit arguments, by position.</summary>
internal sealed class GateScope
{
    public Dictionary<string, int> Parameters { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Qubits { get; } = new(StringComparer.Ordinal);
}
