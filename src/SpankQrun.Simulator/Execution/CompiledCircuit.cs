using SpankQrun.Simulator.Binding;
using SpankQrun.Simulator.Targets;

namespace SpankQrun.Simulator.Execution;

/// <summary>A parsed and bound circuit with the map from program qubits to the simulated (touched) qubits.</summary>
internal sealed class CompiledCircuit
{
    /// <summary>Default operation budget: gate calls (expanded or not), measurements and resets per binding or lowering.</summary>
    public const int MaxInstructions = 10_000_000;

    private readonly long _maxOperations;
    private readonly CancellationToken _cancellationToken;

    private CompiledCircuit(BoundProgram program, int[] qubitMap, long durationNs, long maxOperations, CancellationToken cancellationToken)
    {
        Program = program;
        QubitMap = qubitMap;
        DurationNs = durationNs;
        _maxOperations = maxOperations;
        _cancellationToken = cancellationToken;
    }

    public BoundProgram Program { get; }

    /// <summary>Program qubit to simulated index, -1 for qubits no gate, measure or reset touches.</summary>
    public int[] QubitMap { get; }

    public int SimulatedQubits => Program.ActiveQubits.Count;

    /// <summary>An upper bound on the instructions one <see cref="Lower"/> produces (calls counted by the ISA walk).</summary>
    public long ExpandedOperations { get; private init; }

    /// <summary>One execution's duration on the target from <see cref="ScheduleModel"/>.</summary>
    public long DurationNs { get; }

    /// <summary>
    /// Parses and binds <paramref name="qasm"/>, checks it against <paramref name="target"/> (qubits; ISA when strict) and
    /// schedules it; throws <see cref="PubFailureException"/> naming line and column. Binding, the ISA walk and every later
    /// <see cref="Lower"/> each charge at most <paramref name="maxOperations"/> calls and observe cancellation.
    /// </summary>
    public static CompiledCircuit Compile(
        int pub, string qasm, int maxQubits, BackendTarget? target = null, long maxOperations = MaxInstructions,
        CancellationToken cancellationToken = default)
    {
        var (program, diagnostics) = target is null
            ? Binder.ParseAndBind(qasm, budget: new OperationBudget(pub, maxOperations, cancellationToken))
            : Binder.ParseAndBind(qasm, target.NumQubits, target.Name, new OperationBudget(pub, maxOperations, cancellationToken));
        if (diagnostics.Count > 0)
        {
            throw new PubFailureException(PrimitiveFailureCodes.QasmError, ExecutionMessages.Qasm(pub, diagnostics[0]));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var walk = new OperationBudget(pub, maxOperations, cancellationToken);
        var duration = CircuitInspector.Inspect(pub, program, target, walk);
        if (program.ActiveQubits.Count > maxQubits)
        {
            throw new PubFailureException(PrimitiveFailureCodes.TooLarge, ExecutionMessages.TooManyQubits(pub, program.ActiveQubits.Count, maxQubits));
        }

        var map = new int[program.QubitCount];
        Array.Fill(map, -1);
        for (var i = 0; i < program.ActiveQubits.Count; i++)
        {
            map[program.ActiveQubits[i]] = i;
        }

        return new CompiledCircuit(program, map, duration, maxOperations, cancellationToken) { ExpandedOperations = walk.Spent + program.Operations.Count };
    }

    public List<Instruction> Lower(int pub, ReadOnlySpan<double> parameters)
    {
        var instructions = new List<Instruction>();
        Lowerer.Lower(Program, parameters, QubitMap, instructions, new OperationBudget(pub, _maxOperations, _cancellationToken));
        return instructions;
    }

    /// <summary>How the simulated qubits are named in logs: <c>$9, $17</c> or <c>#0, #1</c> for declared qubits.</summary>
    public string DescribeQubits()
    {
        var prefix = Program.Addressing == QubitAddressing.Physical ? "$" : "#";
        var names = Program.ActiveQubits.Take(16).Select(qubit => prefix + qubit);
        return string.Join(", ", names) + (Program.ActiveQubits.Count > 16 ? ", ..." : "");
    }
}
