namespace SpankQrun.Simulator.Binding;

/// <summary>A bound circuit: operations on program qubits, its input parameters and classical registers.</summary>
internal sealed class BoundProgram(
    IReadOnlyList<BoundOperation> operations,
    IReadOnlyList<string> parameters,
    IReadOnlyList<ClassicalRegister> registers,
    QubitAddressing addressing,
    int qubitCount,
    IReadOnlyList<int> activeQubits)
{
    public IReadOnlyList<BoundOperation> Operations { get; } = operations;

    /// <summary>Input parameter names in declaration order (the order parameter values bind in).</summary>
    public IReadOnlyList<string> Parameters { get; } = parameters;

    public IReadOnlyList<ClassicalRegister> Registers { get; } = registers;

    public QubitAddressing Addressing { get; } = addressing;

    /// <summary>Declared qubits, or the highest physical qubit named anywhere (barriers included) plus one.</summary>
    public int QubitCount { get; } = qubitCount;

    /// <summary>Program qubits that gates, measurements or resets touch, ascending; only these are simulated.</summary>
    public IReadOnlyList<int> ActiveQubits { get; } = activeQubits;

    public int BitCount => Registers.Count == 0 ? 0 : Registers[^1].Offset + Registers[^1].Size;
}
