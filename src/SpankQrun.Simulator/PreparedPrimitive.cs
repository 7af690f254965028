using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SpankQrun.Primitives;
using SpankQrun.Simulator.Execution;
using SpankQrun.Simulator.Targets;

namespace SpankQrun.Simulator;

/// <summary>
/// Every PUB of a job parsed, bound and checked, nothing run yet (see <see cref="PrimitiveExecutor.Prepare"/>).
/// Either <see cref="Failure"/> is set, or <see cref="Run"/> executes the PUBs.
/// </summary>
public sealed class PreparedPrimitive
{
    private readonly PrimitiveKind _kind;
    private readonly IReadOnlyList<PreparedPub> _pubs;
    private readonly PrimitiveExecutionOptions? _options;
    private readonly bool _supportQiskit;

    private PreparedPrimitive(
        PrimitiveKind kind, IReadOnlyList<PreparedPub> pubs, PrimitiveExecutionOptions? options, ExecutionUsage usage, PrimitiveExecution? failure, bool supportQiskit = false)
    {
        _kind = kind;
        _supportQiskit = supportQiskit;
        _pubs = pubs;
        _options = options;
        Usage = usage;
        Failure = failure;
    }

    /// <summary>Set when the input cannot run; <see cref="Run"/> then returns it.</summary>
    public PrimitiveExecution? Failure { get; }

    /// <summary>The cost on the backend, from the schedule model (zero for a failure).</summary>
    public ExecutionUsage Usage { get; }

    /// <summary>Qubits simulated by the largest PUB (0 for a failure).</summary>
    public int MaxSimulatedQubits => _pubs.Count == 0 ? 0 : _pubs.Max(pub => pub.Circuit.SimulatedQubits);

    /// <summary>Bytes of one state vector of the largest PUB (16 × 2^qubits, at least 2 amplitudes).</summary>
    public long StateBytes => 16L << Math.Max(1, MaxSimulatedQubits);

    /// <summary>
    /// A safe upper bound on the memory <see cref="Run"/> takes at its peak: the state vector (two up to
    /// <see cref="SamplerRunner.MaxSnapshotStateBytes"/>, where the mid-circuit measurement path keeps a copy), the
    /// lowered instructions, and the samples with their JSON.
    /// </summary>
    public long PeakBytesEstimate => _pubs.Count == 0 ? 0 : _pubs.Max(pub =>
        ((SamplerRunner.KeepsSnapshot(pub.Circuit.SimulatedQubits) ? 2 : 1) * (16L << Math.Max(1, pub.Circuit.SimulatedQubits)))
        + (pub.Circuit.ExpandedOperations * InstructionBytes)
        + ((long)pub.Shots * Math.Max(1, pub.Values.SetCount) * (pub.Circuit.Program.BitCount + (SampleJsonBytes * Math.Max(1, pub.Circuit.Program.Registers.Count)))));

    private const long InstructionBytes = 128;
    private const long SampleJsonBytes = 24;

    internal static PreparedPrimitive Failed(string code, string message) =>
        new(default, [], null, ExecutionUsage.Zero, new PrimitiveExecution(false, null, code, message, [$"failed ({code}): {message}"]));

    internal static PreparedPrimitive Create(PubsDocument document, PrimitiveExecutionOptions options, CancellationToken cancellationToken)
    {
        var pubs = new List<PreparedPub>();
        var usage = ExecutionUsage.Zero;
        var repDelay = options.Target?.RepDelayNs ?? ScheduleModel.DefaultRepDelayNs;
        foreach (var pub in document.SamplerPubs)
        {
            var circuit = CompiledCircuit.Compile(pub.Index, pub.Circuit, options.MaxQubits, options.Target, options.MaxOperations, cancellationToken);
            var values = ParameterValues.Read(pub.Index, pub.ParameterValues, circuit.Program.Parameters);
            if (pub.Shots > PrimitiveExecutor.MaxShots)
                throw new PubFailureException(PrimitiveFailureCodes.TooLarge, ExecutionMessages.TooManyShots(pub.Index, pub.Shots, PrimitiveExecutor.MaxShots));
            var shots = (int)pub.Shots;
            pubs.Add(new PreparedPub(pub.Index, circuit, values, shots, null, 0));
            usage = usage.Add((long)shots * Math.Max(1, values.SetCount), circuit.DurationNs, repDelay);
        }

        foreach (var pub in document.EstimatorPubs)
        {
            var circuit = CompiledCircuit.Compile(pub.Index, pub.Circuit, options.MaxQubits, options.Target, options.MaxOperations, cancellationToken);
            var values = ParameterValues.Read(pub.Index, pub.ParameterValues, circuit.Program.Parameters);
            pubs.Add(new PreparedPub(pub.Index, circuit, values, 0, ObservableArray.Read(pub.Observables), pub.Precision));
            usage = usage.Add(EstimatorRunner.ShotsFor(pub.Precision) * Math.Max(1, values.SetCount), circuit.DurationNs, repDelay);
        }

        return new PreparedPrimitive(document.Kind, pubs, options, usage, null, document.SupportQiskit);
    }

    /// <summary>Runs every PUB; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public PrimitiveExecution Run(CancellationToken cancellationToken)
    {
        if (Failure is not null)
            return Failure;

        var log = new List<string>();
        try
        {
            var results = RunPubs(log, cancellationToken);
            if (_supportQiskit)
            {
                // As the real service does: results in the encoded form qiskit-ibm-runtime's RuntimeDecoder reads.
                results = QiskitResultEncoder.Encode(_kind, results);
            }

            return new PrimitiveExecution(true, results, null, null, log, Usage);
        }
        catch (PubFailureException failure)
        {
            log.Add($"failed ({failure.Code}): {failure.Message}");
            return new PrimitiveExecution(false, null, failure.Code, failure.Message, log);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var message = ExecutionMessages.Internal(exception.Message);
            log.Add($"failed ({PrimitiveFailureCodes.InternalError}): {message}");
            return new PrimitiveExecution(false, null, PrimitiveFailureCodes.InternalError, message, log);
        }
    }

    private byte[] RunPubs(List<string> log, CancellationToken cancellationToken)
    {
        var options = _options!;
        var random = options.Seed is { } seed ? new Random(seed) : new Random();
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("results");
            foreach (var pub in _pubs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var stopwatch = Stopwatch.StartNew();
                string summary;
                if (_kind == PrimitiveKind.Sampler)
                {
                    SamplerRunner.Run(pub.Index, pub.Circuit, pub.Values, pub.Shots, random, writer, cancellationToken);
                    summary = $"{pub.Shots} shots x {pub.Values.SetCount} parameter set(s)";
                }
                else
                {
                    EstimatorRunner.Run(pub.Index, pub.Circuit, pub.Observables!, pub.Values, pub.Precision, writer, cancellationToken);
                    summary = $"{pub.Observables!.Observables.Count} observable(s) x {pub.Values.SetCount} parameter set(s), precision {pub.Precision.ToString("G4", CultureInfo.InvariantCulture)}";
                }

                log.Add($"pub {pub.Index}: {_kind.ToProgramId()}, {pub.Circuit.SimulatedQubits} qubit(s) simulated ({pub.Circuit.DescribeQubits()}), {summary}, {stopwatch.Elapsed.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture)} ms");
            }

            writer.WriteEndArray();
            writer.WriteStartObject("metadata");
            writer.WriteNumber("version", 2);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private sealed record PreparedPub(int Index, CompiledCircuit Circuit, ParameterValues Values, int Shots, ObservableArray? Observables, double Precision);
}
