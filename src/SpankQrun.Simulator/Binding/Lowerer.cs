using SpankQrun.Simulator.Execution;

namespace SpankQrun.Simulator.Binding;

/// <summary>Expands gate definitions and evaluates angles for one set of parameter values.</summary>
internal static class Lowerer
{
    /// <summary>
    /// Appends the program's instructions on simulated qubits (<paramref name="qubitMap"/>: program qubit to simulated index).
    /// Every call, including empty ones and calls of gate definitions, is charged to <paramref name="budget"/>, which
    /// throws when it is exhausted and observes cancellation.
    /// </summary>
    public static void Lower(BoundProgram program, ReadOnlySpan<double> inputs, int[] qubitMap, List<Instruction> output, OperationBudget budget)
    {
        foreach (var operation in program.Operations)
        {
            switch (operation)
            {
                case BoundGateCall call:
                    var qubits = new int[call.Qubits.Length];
                    for (var i = 0; i < qubits.Length; i++)
                    {
                        qubits[i] = qubitMap[call.Qubits[i]];
                    }

                    Expand(call, inputs, [], qubits, output, budget);
                    break;
                case BoundMeasure measure:
                    budget.Spend();
                    output.Add(Instruction.Measure(qubitMap[measure.Qubit], measure.Bit));
                    break;
                case BoundReset reset:
                    budget.Spend();
                    output.Add(Instruction.Reset(qubitMap[reset.Qubit]));
                    break;
            }
        }
    }

    private static void Expand(
        BoundGateCall call, ReadOnlySpan<double> inputs, ReadOnlySpan<double> locals, int[] qubits, List<Instruction> output, OperationBudget budget)
    {
        budget.Spend();
        Span<double> arguments = stackalloc double[call.ArgumentCount];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = call.EvaluateArgument(i, inputs, locals);
        }

        if (call.Gate is BuiltinGateSymbol builtin)
        {
            builtin.Lower(arguments, qubits, output);
            return;
        }

        var gate = (UserGateSymbol)call.Gate;
        var gateArguments = arguments.ToArray();
        foreach (var inner in gate.Body)
        {
            var innerQubits = new int[inner.Qubits.Length];
            for (var i = 0; i < innerQubits.Length; i++)
            {
                innerQubits[i] = qubits[inner.Qubits[i]];
            }

            Expand(inner, inputs, gateArguments, innerQubits, output, budget);
        }
    }
}
