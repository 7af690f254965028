namespace SpankQrun.Simulator.Binding;

/// <summary>A gate call; <see cref="Line"/> and <see cref="Column"/> locate its gate name in the QASM text (1-based).</summary>
internal sealed class BoundGateCall : BoundOperation
{
    /// <summary>Null for a call with one constant argument, kept in <see cref="_constant"/> (most calls with an argument: no node, no array).</summary>
    private readonly BoundExpression[]? _arguments;
    private readonly double _constant;

    public BoundGateCall(GateSymbol gate, BoundExpression[] arguments, int[] qubits, int line = 0, int column = 0)
    {
        Gate = gate;
        _arguments = arguments;
        Qubits = qubits;
        Line = line;
        Column = column;
    }

    /// <summary>A call with the one constant argument <paramref name="argument"/>.</summary>
    public BoundGateCall(GateSymbol gate, double argument, int[] qubits, int line = 0, int column = 0)
    {
        Gate = gate;
        _constant = argument;
        Qubits = qubits;
        Line = line;
        Column = column;
    }

    public GateSymbol Gate { get; }

    public int ArgumentCount => _arguments?.Length ?? 1;

    public int[] Qubits { get; }

    public int Line { get; }

    public int Column { get; }

    public double EvaluateArgument(int index, ReadOnlySpan<double> inputs, ReadOnlySpan<double> locals) =>
        _arguments is null ? _constant : _arguments[index].Evaluate(inputs, locals);
}
