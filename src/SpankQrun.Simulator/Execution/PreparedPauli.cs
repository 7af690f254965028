using SpankQrun.Simulator.Binding;

namespace SpankQrun.Simulator.Execution;

/// <summary>
/// A Pauli term mapped onto the simulated qubits. Qubits the circuit never touches stay |0&gt;, so Z there is 1 and
/// X or Y there make the whole term 0 (<see cref="IsZero"/>).
/// </summary>
internal readonly record struct PreparedPauli(int XMask, int ZMask, int YCount, double Coefficient, bool IsZero)
{
    /// <summary>Maps <paramref name="term"/> per the label rule (rightmost character = program qubit 0).</summary>
    public static PreparedPauli Prepare(int pub, PauliTerm term, CompiledCircuit circuit)
    {
        var label = term.Label;
        var program = circuit.Program;
        if (program.Addressing == QubitAddressing.Physical && label.Length < program.QubitCount)
        {
            throw new PubFailureException(PrimitiveFailureCodes.ShapeMismatch, ExecutionMessages.LabelTooShort(pub, label, program.QubitCount));
        }

        if (program.Addressing == QubitAddressing.Declared && label.Length != program.QubitCount)
        {
            throw new PubFailureException(PrimitiveFailureCodes.ShapeMismatch, ExecutionMessages.LabelLengthMismatch(pub, label, program.QubitCount));
        }

        int xMask = 0, zMask = 0, yCount = 0;
        for (var qubit = 0; qubit < label.Length; qubit++)
        {
            var pauli = label[label.Length - 1 - qubit];
            if (pauli == 'I')
            {
                continue;
            }

            var simulated = qubit < circuit.QubitMap.Length ? circuit.QubitMap[qubit] : -1;
            if (simulated < 0)
            {
                if (pauli != 'Z')
                {
                    return new PreparedPauli(0, 0, 0, term.Coefficient, IsZero: true);
                }

                continue;
            }

            if (pauli is 'X' or 'Y')
            {
                xMask |= 1 << simulated;
            }

            if (pauli is 'Z' or 'Y')
            {
                zMask |= 1 << simulated;
            }

            if (pauli == 'Y')
            {
                yCount++;
            }
        }

        return new PreparedPauli(xMask, zMask, yCount, term.Coefficient, IsZero: false);
    }
}
