namespace SpankQrun.Simulator.Binding;

internal sealed class BoundGateCall(GateSymbol gate, BoundExpression[] arguments, int[] qubits) : BoundOperation
{
    public GateSymbol Gate { get; } = gate;

    public BoundExpression[] Arguments { get; } = arguments;

    public int[] Qubits { get; } = qubits;
}
