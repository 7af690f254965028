namespace SpankQrun.Simulator.Binding;

internal sealed class BuiltinGateSymbol(string name, int parameterCount, int qubitCount, BuiltinLowering lower)
    : GateSymbol(name, parameterCount, qubitCount)
{
    public BuiltinLowering Lower { get; } = lower;
}
