using SpankQrun.Simulator.Binding;
using SpankQrun.Simulator.Kernels;

namespace SpankQrun.Simulator.Execution;

/// <summary>Runs lowered instructions on a state vector, checking for cancellation between gates.</summary>
internal static class CircuitRunner
{
    /// <summary>Drops resets of qubits no gate has touched yet: they are still |0&gt;, so the reset does nothing.</summary>
    public static List<Instruction> DropInitialResets(List<Instruction> instructions, int qubitCount)
    {
        var touched = new bool[Math.Max(1, qubitCount)];
        var result = new List<Instruction>(instructions.Count);
        foreach (var instruction in instructions)
        {
            switch (instruction.Kind)
            {
                case InstructionKind.Reset when !touched[instruction.Target]:
                    continue;
                case InstructionKind.Unitary or InstructionKind.Swap:
                    touched[instruction.Target] = true;
                    if (instruction.Control0 >= 0)
                    {
                        touched[instruction.Control0] = true;
                    }

                    if (instruction.Control1 >= 0)
                    {
                        touched[instruction.Control1] = true;
                    }

                    break;
            }

            result.Add(instruction);
        }

        return result;
    }

    /// <summary>
    /// The index of the first measure or reset, and whether everything from there on is a measurement
    /// (then the state before it can be sampled directly).
    /// </summary>
    public static (int FirstNonUnitary, bool OnlyTerminalMeasurements) Analyse(List<Instruction> instructions)
    {
        var first = instructions.FindIndex(instruction => instruction.Kind is InstructionKind.Measure or InstructionKind.Reset);
        if (first < 0)
        {
            return (instructions.Count, true);
        }

        for (var i = first; i < instructions.Count; i++)
        {
            if (instructions[i].Kind != InstructionKind.Measure)
            {
                return (first, false);
            }
        }

        return (first, true);
    }

    /// <summary>
    /// Applies the unitaries among <paramref name="instructions"/>[start..end), fused (<see cref="GateFusion"/>),
    /// checking for cancellation before every fused gate.
    /// </summary>
    public static void ApplyUnitaries(StateVector state, List<Instruction> instructions, int start, int end, CancellationToken cancellationToken)
    {
        var threads = StateKernels.ThreadsFor(state.Amplitudes.Length, state.Threads);
        foreach (var instruction in GateFusion.Fuse(instructions, start, end, state.QubitCount, GateFusion.DenseSmallBlocks(state.QubitCount, threads)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            state.Apply(instruction);
        }
    }
}
