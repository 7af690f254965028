namespace SpankQrun.Simulator.Binding;

/// <summary>A gate call; <see cref="Line"/> and <see cref="Column"/> locate its gate name in the QASM text (1-based).</summary>
internal sealed class BoundGateCall(GateSymbol gate, BoundExpression[] arguments, int[] qubits, int line = 0, int column = 0) : BoundOperation
{
    public GateSymbol Gate { get; } = gate;

    public BoundExpression[] Arguments { get; } = arguments;

    public int[] Qubits { get; } = qubits;

    public int Line { get; } = line;

    public int Column { get; } = column;
}
