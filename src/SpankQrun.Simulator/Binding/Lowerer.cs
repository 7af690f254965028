namespace SpankQrun.Simulator.Binding;

/// <summary>Expands gate definitions and evaluates angles for one set of parameter values.</summary>
internal static class Lowerer
{
    /// <summary>
    /// Appends the program's instructions on simulated qubits (<paramref name="qubitMap"/>: program qubit to simulated index).
    /// Returns false when the expansion exceeds <paramref name="maxInstructions"/>.
    /// </summary>
    public static bool TryLower(
        BoundProgram program, ReadOnlySpan<double> inputs, int[] qubitMap, List<Instruction> output, int maxInstructions)
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

                    if (!TryExpand(call, inputs, [], qubits, output, maxInstructions))
                    {
                        return false;
                    }

                    break;
                case BoundMeasure measure:
                    output.Add(Instruction.Measure(qubitMap[measure.Qubit], measure.Bit));
                    break;
                case BoundReset reset:
                    output.Add(Instruction.Reset(qubitMap[reset.Qubit]));
                    break;
            }

            if (output.Count > maxInstructions)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryExpand(
        BoundGateCall call, ReadOnlySpan<double> inputs, ReadOnlySpan<double> locals, int[] qubits, List<Instruction> output, int maxInstructions)
    {
        Span<double> arguments = stackalloc double[call.Arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = call.Arguments[i].Evaluate(inputs, locals);
        }

        if (call.Gate is BuiltinGateSymbol builtin)
        {
            builtin.Lower(arguments, qubits, output);
            return output.Count <= maxInstructions;
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

            if (!TryExpand(inner, inputs, gateArguments, innerQubits, output, maxInstructions))
            {
                return false;
            }
        }

        return true;
    }
}
