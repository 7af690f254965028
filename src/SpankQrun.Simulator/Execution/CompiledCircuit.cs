using SpankQrun.Simulator.Binding;
using SpankQrun.Simulator.Syntax;

namespace SpankQrun.Simulator.Execution;

/// <summary>A parsed and bound circuit with the map from program qubits to the simulated (touched) qubits.</summary>
internal sealed class CompiledCircuit
{
    public const int MaxInstructions = 10_000_000;

    private CompiledCircuit(BoundProgram program, int[] qubitMap)
    {
        Program = program;
        QubitMap = qubitMap;
    }

    public BoundProgram Program { get; }

    /// <summary>Program qubit to simulated index, -1 for qubits no gate, measure or reset touches.</summary>
    public int[] QubitMap { get; }

    public int SimulatedQubits => Program.ActiveQubits.Count;

    /// <summary>Parses and binds <paramref name="qasm"/>; throws <see cref="PubFailureException"/> naming line and column.</summary>
    public static CompiledCircuit Compile(int pub, string qasm, int maxQubits)
    {
        var tree = QasmSyntaxTree.Parse(qasm);
        if (tree.Diagnostics.Count > 0)
        {
            throw new PubFailureException(PrimitiveFailureCodes.QasmError, ExecutionMessages.Qasm(pub, tree.Diagnostics[0]));
        }

        var (program, diagnostics) = Binder.Bind(tree);
        if (diagnostics.Count > 0)
        {
            throw new PubFailureException(PrimitiveFailureCodes.QasmError, ExecutionMessages.Qasm(pub, diagnostics[0]));
        }

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

        return new CompiledCircuit(program, map);
    }

    public List<Instruction> Lower(int pub, ReadOnlySpan<double> parameters)
    {
        var instructions = new List<Instruction>();
        if (!Lowerer.TryLower(Program, parameters, QubitMap, instructions, MaxInstructions))
        {
            throw new PubFailureException(PrimitiveFailureCodes.TooLarge, ExecutionMessages.TooManyOperations(pub, MaxInstructions));
        }

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
