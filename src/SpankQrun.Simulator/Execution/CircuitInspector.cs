using SpankQrun.Simulator.Binding;
using SpankQrun.Simulator.Targets;

namespace SpankQrun.Simulator.Execution;

/// <summary>
/// One walk over a bound circuit before anything runs: checks the backend's ISA (when strict) and computes the
/// schedule duration of one execution. Every call, expanded or not, is charged to the operation budget.
/// </summary>
/// <remarks>
/// ISA is judged as real IBM backends judge it: each instruction of the circuit must be a basis gate on a coupled
/// pair. A call whose name is a basis gate is that native gate even when the circuit also carries a <c>gate</c>
/// definition for it (Qiskit's OpenQASM 3 exporter writes one for <c>ecr</c>, which stdgates.inc lacks); its
/// body is its definition, not more instructions. A call of any other user-defined gate is not an ISA instruction.
/// </remarks>
internal static class CircuitInspector
{
    public static long Inspect(int pub, BoundProgram program, BackendTarget? target, OperationBudget budget)
    {
        var ready = new long[Math.Max(1, program.QubitCount)];
        var strict = target is { StrictIsa: true };
        foreach (var operation in program.Operations)
        {
            switch (operation)
            {
                case BoundGateCall call:
                    if (strict)
                        CheckIsa(pub, call, program, target!);
                    Schedule(call, call.Qubits, ready, target, budget);
                    break;
                case BoundMeasure measure:
                    ready[measure.Qubit] += ScheduleModel.MeasureTime(target);
                    break;
                case BoundReset reset:
                    ready[reset.Qubit] += ScheduleModel.ResetTime(target);
                    break;
            }
        }

        return ready.Max();
    }

    private static void CheckIsa(int pub, BoundGateCall call, BoundProgram program, BackendTarget target)
    {
        var name = call.Gate.Name;
        if (name == "gphase")
            return;
        if (!target.IsBasisGate(name))
        {
            throw new PubFailureException(PrimitiveFailureCodes.NotIsa,
                ExecutionMessages.GateNotInBasis(pub, call.Line, call.Column, name, Describe(program, call.Qubits), target));
        }

        if (call.Qubits.Length == 2 && !target.IsCoupled(call.Qubits[0], call.Qubits[1]))
        {
            throw new PubFailureException(PrimitiveFailureCodes.NotIsa,
                ExecutionMessages.QubitsNotCoupled(pub, call.Line, call.Column, name, Describe(program, call.Qubits), target.Name));
        }
    }

    private static void Schedule(BoundGateCall call, ReadOnlySpan<int> qubits, long[] ready, BackendTarget? target, OperationBudget budget)
    {
        budget.Spend();
        var gate = call.Gate;
        if (gate is UserGateSymbol user && !IsNative(target, gate.Name))
        {
            Span<int> buffer = stackalloc int[8];
            foreach (var inner in user.Body)
            {
                var innerQubits = inner.Qubits.Length <= buffer.Length ? buffer[..inner.Qubits.Length] : new int[inner.Qubits.Length];
                for (var i = 0; i < innerQubits.Length; i++)
                    innerQubits[i] = qubits[inner.Qubits[i]];
                Schedule(inner, innerQubits, ready, target, budget);
            }

            return;
        }

        var duration = ScheduleModel.GateTime(target, gate.Name, qubits.Length);
        var start = 0L;
        foreach (var qubit in qubits)
            start = Math.Max(start, ready[qubit]);
        foreach (var qubit in qubits)
            ready[qubit] = start + duration;
    }

    /// <summary>A basis gate, or a gate with a configured time, is timed as one instruction even when user-defined.</summary>
    private static bool IsNative(BackendTarget? target, string name) =>
        target is not null && ((target.BasisGates is not null && target.IsBasisGate(name)) || target.GateTime(name) is not null);

    private static string Describe(BoundProgram program, int[] qubits)
    {
        var prefix = program.Addressing == QubitAddressing.Physical ? "$" : "#";
        return string.Join(", ", qubits.Select(qubit => prefix + qubit));
    }
}
