using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using SpankQrun.Primitives;
using SpankQrun.Simulator.Execution;

namespace SpankQrun.Simulator;

/// <summary>Runs Qiskit sampler and estimator PUBs on the local statevector simulator.</summary>
public static class PrimitiveExecutor
{
    /// <summary>Qiskit Runtime's default shots for a sampler PUB without shots.</summary>
    public const int DefaultShots = 4096;

    /// <summary>Qiskit Runtime's default estimator precision (1/√4096).</summary>
    public const double DefaultPrecision = 0.015625;

    /// <summary>The most shots one sampler PUB may ask for (every shot is kept in memory and in the result).</summary>
    public const int MaxShots = 10_000_000;

    /// <summary>
    /// Runs every PUB and returns the result document. Throws <see cref="OperationCanceledException"/> when cancelled
    /// (checked between gates and shots); never throws for bad input, which becomes a failure instead.
    /// </summary>
    public static PrimitiveExecution Execute(
        PrimitiveKind kind, ReadOnlySpan<byte> utf8Input, PrimitiveExecutionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var log = new List<string>();
        // RuntimeEncoder values (ndarray, ObservablesArray) become plain arrays first; errors name their JSON path.
        var plain = RuntimeEncoding.Decode(utf8Input.ToArray(), out var decodeError);
        if (plain is null)
        {
            return Failure(PrimitiveFailureCodes.InvalidInput, ExecutionMessages.InvalidInput(decodeError!.JsonPath, decodeError.Message), log);
        }

        utf8Input = plain;
        var errors = PubsValidator.Validate(utf8Input, kind);
        if (errors.Count > 0)
        {
            var message = string.Join("; ", errors.Take(5).Select(error => ExecutionMessages.InvalidInput(error.JsonPath, error.Message)));
            return Failure(PrimitiveFailureCodes.InvalidInput, message, log);
        }

        try
        {
            using var document = JsonDocument.Parse(utf8Input.ToArray());
            var result = Run(kind, document.RootElement, options, log, cancellationToken);
            if (SupportsQiskit(document.RootElement))
            {
                // As the real service does: results in the encoded form qiskit-ibm-runtime's RuntimeDecoder reads.
                result = QiskitResultEncoder.Encode(kind, result);
            }

            return new PrimitiveExecution(true, result, null, null, log);
        }
        catch (PubFailureException failure)
        {
            return Failure(failure.Code, failure.Message, log);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Failure(PrimitiveFailureCodes.InternalError, ExecutionMessages.Internal(exception.Message), log);
        }
    }

    private static bool SupportsQiskit(JsonElement root) =>
        root.TryGetProperty("support_qiskit", out var flag) && flag.ValueKind == JsonValueKind.True;

    private static PrimitiveExecution Failure(string code, string message, List<string> log)
    {
        log.Add($"failed ({code}): {message}");
        return new PrimitiveExecution(false, null, code, message, log);
    }

    private static byte[] Run(
        PrimitiveKind kind, JsonElement root, PrimitiveExecutionOptions options, List<string> log, CancellationToken cancellationToken)
    {
        var random = options.Seed is { } seed ? new Random(seed) : new Random();
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("results");
            var index = 0;
            foreach (var pub in root.GetProperty("pubs").EnumerateArray())
            {
                var stopwatch = Stopwatch.StartNew();
                var circuit = CompiledCircuit.Compile(index, pub[0].GetString()!, options.MaxQubits);
                string summary;
                if (kind == PrimitiveKind.Sampler)
                {
                    var values = ParameterValues.Read(index, Optional(pub, 1), circuit.Program.Parameters);
                    var shots = SamplerShots(index, root, pub);
                    SamplerRunner.Run(index, circuit, values, shots, random, writer, cancellationToken);
                    summary = $"{shots} shots x {values.SetCount} parameter set(s)";
                }
                else
                {
                    var observables = ObservableArray.Read(pub[1]);
                    var values = ParameterValues.Read(index, Optional(pub, 2), circuit.Program.Parameters);
                    var precision = EstimatorPrecision(root, pub);
                    EstimatorRunner.Run(index, circuit, observables, values, precision, writer, cancellationToken);
                    summary = $"{observables.Observables.Count} observable(s) x {values.SetCount} parameter set(s), precision {precision:G4}";
                }

                log.Add($"pub {index}: {kind.ToProgramId()}, {circuit.SimulatedQubits} qubit(s) simulated ({circuit.DescribeQubits()}), {summary}, {stopwatch.Elapsed.TotalMilliseconds:F1} ms");
                index++;
            }

            writer.WriteEndArray();
            writer.WriteStartObject("metadata");
            writer.WriteNumber("version", 2);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static JsonElement? Optional(JsonElement pub, int index) =>
        pub.GetArrayLength() > index && pub[index].ValueKind != JsonValueKind.Null ? pub[index] : null;

    private static int SamplerShots(int index, JsonElement root, JsonElement pub)
    {
        long shots = DefaultShots;
        if (Optional(pub, 2) is { } pubShots)
        {
            shots = pubShots.GetInt64();
        }
        else if (root.TryGetProperty("shots", out var top) && top.ValueKind == JsonValueKind.Number)
        {
            shots = top.GetInt64();
        }
        else if (root.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Object
            && options.TryGetProperty("default_shots", out var defaultShots) && defaultShots.ValueKind == JsonValueKind.Number)
        {
            shots = defaultShots.GetInt64();
        }

        return shots <= MaxShots
            ? (int)shots
            : throw new PubFailureException(PrimitiveFailureCodes.TooLarge, ExecutionMessages.TooManyShots(index, shots, MaxShots));
    }

    /// <summary>PUB precision, else top-level precision, else options.default_precision, else 1/√options.default_shots.</summary>
    private static double EstimatorPrecision(JsonElement root, JsonElement pub)
    {
        if (Optional(pub, 3) is { } precision)
        {
            return precision.GetDouble();
        }

        if (root.TryGetProperty("precision", out var top) && top.ValueKind == JsonValueKind.Number)
        {
            return top.GetDouble();
        }

        if (root.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Object)
        {
            if (options.TryGetProperty("default_precision", out var defaultPrecision) && defaultPrecision.ValueKind == JsonValueKind.Number)
            {
                return defaultPrecision.GetDouble();
            }

            if (options.TryGetProperty("default_shots", out var defaultShots) && defaultShots.ValueKind == JsonValueKind.Number)
            {
                return 1 / Math.Sqrt(defaultShots.GetDouble());
            }
        }

        return DefaultPrecision;
    }
}
