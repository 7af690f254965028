namespace SpankQrun.Simulator.Binding;

/// <summary>A <c>gate</c> definition; body calls refer to the gate's parameters and qubit arguments by position.</summary>
internal sealed class UserGateSymbol(string name, int parameterCount, int qubitCount) : GateSymbol(name, parameterCount, qubitCount)
{
    public List<BoundGateCall> Body { get; } = [];
}
