using System.Numerics;
using System.Text.Json;
using SpankQrun.Simulator.Binding;
using SpankQrun.Simulator.Kernels;

namespace SpankQrun.Simulator.Execution;

/// <summary>Runs a sampler PUB: one sample per shot and classical register, for each parameter set.</summary>
internal static class SamplerRunner
{
    /// <summary>Upper bound on shots × classical bits × parameter sets, which are all held in memory and written out.</summary>
    public const long MaxSampledBits = 256L * 1024 * 1024;

    /// <summary>
    /// The largest state whose copy is kept for circuits with mid-circuit measurements: two states must stay within
    /// 1.2 × state + 64 MiB (docs/emulator.md, "Memory budget"). Larger states run the unitary prefix again per shot.
    /// </summary>
    public const long MaxSnapshotStateBytes = 80L * 1024 * 1024;

    /// <summary>Whether a circuit on <paramref name="qubitCount"/> qubits may keep a second state (the snapshot).</summary>
    public static bool KeepsSnapshot(int qubitCount, long maxSnapshotStateBytes = MaxSnapshotStateBytes) =>
        (16L << Math.Max(1, qubitCount)) <= maxSnapshotStateBytes;

    public static void Run(
        int pub, CompiledCircuit circuit, ParameterValues values, int shots, Random random, Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        var bitCount = circuit.Program.BitCount;
        if ((long)shots * bitCount * values.SetCount > MaxSampledBits)
        {
            throw new PubFailureException(
                PrimitiveFailureCodes.TooLarge, ExecutionMessages.TooManySampledBits(pub, shots, bitCount, values.SetCount, MaxSampledBits));
        }

        var samples = new byte[values.SetCount][];
        using var state = new StateVector(circuit.SimulatedQubits);
        for (var set = 0; set < samples.Length; set++)
        {
            var instructions = circuit.Lower(pub, values.GetSet(set));
            samples[set] = Sample(instructions, circuit.SimulatedQubits, bitCount, shots, random, cancellationToken, state);
        }

        writer.WriteStartObject();
        writer.WriteStartObject("data");
        foreach (var register in circuit.Program.Registers)
        {
            writer.WriteStartObject(register.Name);
            writer.WritePropertyName("samples");
            ResultWriter.WriteNested(writer, values.Shape, set =>
            {
                writer.WriteStartArray();
                for (var shot = 0; shot < shots; shot++)
                {
                    writer.WriteStringValue(ResultWriter.ToHex(samples[set].AsSpan((shot * bitCount) + register.Offset, register.Size)));
                }

                writer.WriteEndArray();
            });
            writer.WriteNumber("num_bits", register.Size);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("metadata");
        writer.WriteNumber("shots", shots);
        writer.WriteStartObject("circuit_metadata");
        writer.WriteEndObject();
        WriteSimulatorMetadata(writer, circuit);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteSimulatorMetadata(Utf8JsonWriter writer, CompiledCircuit circuit)
    {
        writer.WriteStartObject("simulator");
        writer.WriteString("method", "statevector");
        writer.WriteNumber("simulated_qubits", circuit.SimulatedQubits);
        writer.WriteString("noise", "none");
        writer.WriteEndObject();
    }

    /// <summary>Returns shots × bitCount bytes (0 or 1): shot s, global bit b at s·bitCount + b.</summary>
    internal static byte[] Sample(
        List<Instruction> lowered, int qubitCount, int bitCount, int shots, Random random, CancellationToken cancellationToken,
        StateVector? reuse = null, long maxSnapshotStateBytes = MaxSnapshotStateBytes)
    {
        var instructions = CircuitRunner.DropInitialResets(lowered, qubitCount);
        var (first, terminal) = CircuitRunner.Analyse(instructions);
        var bits = new byte[checked(shots * bitCount)];
        using var owned = reuse is null ? new StateVector(qubitCount) : null;
        var state = reuse ?? owned!;
        state.ResetToZero();
        CircuitRunner.ApplyUnitaries(state, instructions, 0, first, cancellationToken);

        if (terminal)
        {
            var outcomes = DrawOutcomes(state.Amplitudes, shots, random);
            for (var shot = 0; shot < shots; shot++)
            {
                for (var i = first; i < instructions.Count; i++)
                {
                    if (instructions[i].Bit >= 0)
                    {
                        bits[(shot * bitCount) + instructions[i].Bit] = (byte)((outcomes[shot] >> instructions[i].Target) & 1);
                    }
                }
            }

            return bits;
        }

        // Every shot starts from the state before the first measure or reset: a copy of it while two states fit the
        // memory bound, else the same prefix run again on the one state (the same arithmetic, so the same amplitudes).
        var snapshot = KeepsSnapshot(qubitCount, maxSnapshotStateBytes);
        using var copy = snapshot ? new StateVector(qubitCount) : null;
        var shotState = copy ?? state;
        for (var shot = 0; shot < shots; shot++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (snapshot)
            {
                shotState.CopyFrom(state);
            }
            else if (shot > 0)
            {
                state.ResetToZero();
                CircuitRunner.ApplyUnitaries(state, instructions, 0, first, cancellationToken);
            }

            for (var i = first; i < instructions.Count; i++)
            {
                var instruction = instructions[i];
                switch (instruction.Kind)
                {
                    case InstructionKind.Measure:
                        var outcome = MeasureAndCollapse(shotState, instruction.Target, random);
                        if (instruction.Bit >= 0)
                        {
                            bits[(shot * bitCount) + instruction.Bit] = outcome ? (byte)1 : (byte)0;
                        }

                        break;
                    case InstructionKind.Reset:
                        if (MeasureAndCollapse(shotState, instruction.Target, random))
                        {
                            shotState.Apply(Instruction.Unitary(instruction.Target, Matrix2.X));
                        }

                        break;
                    default:
                        cancellationToken.ThrowIfCancellationRequested();
                        shotState.Apply(instruction);
                        break;
                }
            }
        }

        return bits;
    }

    private static bool MeasureAndCollapse(StateVector state, int qubit, Random random)
    {
        var one = state.ProbabilityOfOne(qubit);
        var outcome = random.NextDouble() < one;
        state.Collapse(qubit, outcome, outcome ? one : 1 - one);
        return outcome;
    }

    /// <summary>
    /// Draws basis states by sweeping the distribution |ψᵢ|² once with sorted uniforms; shot order stays random.
    /// Reads the amplitudes directly, so no probability array as large as half the state is ever allocated.
    /// </summary>
    private static int[] DrawOutcomes(ReadOnlySpan<Complex> amplitudes, int shots, Random random)
    {
        var total = 0.0;
        foreach (var a in amplitudes)
        {
            total += (a.Real * a.Real) + (a.Imaginary * a.Imaginary);
        }

        var uniforms = new double[shots];
        var order = new int[shots];
        for (var shot = 0; shot < shots; shot++)
        {
            uniforms[shot] = random.NextDouble() * total;
            order[shot] = shot;
        }

        Array.Sort(uniforms, order);
        var outcomes = new int[shots];
        var basis = 0;
        var cumulative = Probability(amplitudes[0]);
        for (var k = 0; k < shots; k++)
        {
            while (uniforms[k] >= cumulative && basis < amplitudes.Length - 1)
            {
                basis++;
                cumulative += Probability(amplitudes[basis]);
            }

            outcomes[order[k]] = basis;
        }

        return outcomes;
    }

    private static double Probability(Complex a) => (a.Real * a.Real) + (a.Imaginary * a.Imaginary);
}
