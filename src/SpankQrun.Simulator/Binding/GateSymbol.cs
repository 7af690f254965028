namespace SpankQrun.Simulator.Binding;

internal abstract class GateSymbol(string name, int parameterCount, int qubitCount)
{
    public string Name { get; } = name;

    public int ParameterCount { get; } = parameterCount;

    public int QubitCount { get; } = qubitCount;
}
