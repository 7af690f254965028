using System.Text.Json;
using SpankQrun.Simulator.Binding;
using SpankQrun.Simulator.Kernels;

namespace SpankQrun.Simulator.Execution;

/// <summary>
/// Runs an estimator PUB: exact (noiseless) expectation values over the broadcast of parameter values and observables;
/// stds report the target precision, as Qiskit's reference StatevectorEstimator does.
/// </summary>
internal static class EstimatorRunner
{
    public static void Run(
        int pub,
        CompiledCircuit circuit,
        ObservableArray observables,
        ParameterValues values,
        double precision,
        Utf8JsonWriter writer,
        CancellationToken cancellationToken)
    {
        var shape = Shape.Broadcast(values.Shape, observables.Shape)
            ?? throw new PubFailureException(
                PrimitiveFailureCodes.ShapeMismatch,
                ExecutionMessages.ShapesDoNotBroadcast(pub, Shape.Format(values.Shape), Shape.Format(observables.Shape)));
        var prepared = observables.Observables
            .Select(terms => terms.Select(term => PreparedPauli.Prepare(pub, term, circuit)).ToArray())
            .ToArray();
        var size = Shape.Size(shape);
        var evs = new double[size];
        var (setStarts, flatsBySet) = GroupBySet(shape, values);
        // The state is made by the first set simulated, once its circuit passed Simulate's checks, so a refused
        // circuit costs no state; the later sets reuse it.
        StateVector? state = null;
        try
        {
            for (var set = 0; set < values.SetCount; set++)
            {
                if (setStarts[set] == setStarts[set + 1])
                {
                    continue;
                }

                state = Simulate(pub, circuit, values.GetSet(set), state, cancellationToken);
                for (var k = setStarts[set]; k < setStarts[set + 1]; k++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var flat = flatsBySet[k];
                    var observable = prepared[Shape.SourceIndex(flat, shape, observables.Shape)];
                    var value = 0.0;
                    foreach (var term in observable)
                    {
                        if (!term.IsZero)
                        {
                            value += term.Coefficient * state.PauliExpectation(term.XMask, term.ZMask, term.YCount);
                        }
                    }

                    evs[flat] = value;
                }
            }
        }
        finally
        {
            state?.Dispose();
        }

        writer.WriteStartObject();
        writer.WriteStartObject("data");
        writer.WritePropertyName("evs");
        ResultWriter.WriteNested(writer, shape, flat => writer.WriteNumberValue(evs[flat]));
        writer.WritePropertyName("stds");
        ResultWriter.WriteNested(writer, shape, _ => writer.WriteNumberValue(precision));
        writer.WritePropertyName("ensemble_standard_error");
        ResultWriter.WriteNested(writer, shape, _ => writer.WriteNumberValue(precision));
        writer.WriteEndObject();
        writer.WriteStartObject("metadata");
        writer.WriteNumber("target_precision", precision);
        writer.WriteNumber("shots", ShotsFor(precision));
        writer.WriteStartObject("circuit_metadata");
        writer.WriteEndObject();
        SamplerRunner.WriteSimulatorMetadata(writer, circuit);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The shots a real run would need for this precision (precision = 1/√shots).</summary>
    internal static long ShotsFor(double precision) => (long)Math.Min(long.MaxValue / 2, Math.Ceiling(1 / (precision * precision)));

    /// <summary>
    /// The flat broadcast indices grouped by the parameter set they read (a counting sort, linear in the broadcast size):
    /// set s owns <c>flatsBySet[setStarts[s] .. setStarts[s + 1]]</c>.
    /// </summary>
    internal static (int[] SetStarts, int[] FlatsBySet) GroupBySet(int[] shape, ParameterValues values)
    {
        var size = Shape.Size(shape);
        var setOf = new int[size];
        var setStarts = new int[values.SetCount + 1];
        for (var flat = 0; flat < size; flat++)
        {
            setOf[flat] = Shape.SourceIndex(flat, shape, values.Shape);
            setStarts[setOf[flat] + 1]++;
        }

        for (var set = 0; set < values.SetCount; set++)
        {
            setStarts[set + 1] += setStarts[set];
        }

        var next = setStarts[..^1];
        var flatsBySet = new int[size];
        for (var flat = 0; flat < size; flat++)
        {
            flatsBySet[next[setOf[flat]]++] = flat;
        }

        return (setStarts, flatsBySet);
    }

    private static StateVector Simulate(
        int pub, CompiledCircuit circuit, ReadOnlySpan<double> parameters, StateVector? reuse, CancellationToken cancellationToken)
    {
        var instructions = CircuitRunner.DropInitialResets(circuit.Lower(pub, parameters), circuit.SimulatedQubits);
        var (first, terminal) = CircuitRunner.Analyse(instructions);
        if (!terminal)
        {
            throw new PubFailureException(PrimitiveFailureCodes.QasmError, ExecutionMessages.EstimatorMidCircuitMeasurement(pub));
        }

        var state = reuse ?? new StateVector(circuit.SimulatedQubits);
        state.ResetToZero();
        CircuitRunner.ApplyUnitaries(state, instructions, 0, first, cancellationToken);
        return state;
    }
}
