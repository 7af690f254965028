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
    /// (checked while binding, expanding, between gates and between shots); never throws for bad input, which becomes a
    /// failure instead.
    /// </summary>
    public static PrimitiveExecution Execute(
        PrimitiveKind kind, ReadOnlySpan<byte> utf8Input, PrimitiveExecutionOptions options, CancellationToken cancellationToken)
    {
        var prepared = Prepare(kind, utf8Input, options, cancellationToken);
        return prepared.Failure ?? prepared.Run(cancellationToken);
    }

    /// <summary>
    /// Parses, binds and checks every PUB (qubits on the target, ISA, operation budget) and computes the usage, without
    /// running a shot. The result says how many qubits the largest PUB simulates, so that a caller can wait for memory.
    /// </summary>
    public static PreparedPrimitive Prepare(
        PrimitiveKind kind, ReadOnlySpan<byte> utf8Input, PrimitiveExecutionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = PubsValidator.Validate(utf8Input, kind);
        if (errors.Count > 0)
        {
            var message = string.Join("; ", errors.Take(5).Select(error => ExecutionMessages.InvalidInput(error.JsonPath, error.Message)));
            return PreparedPrimitive.Failed(PrimitiveFailureCodes.InvalidInput, message);
        }

        try
        {
            using var document = JsonDocument.Parse(utf8Input.ToArray());
            return PreparedPrimitive.Create(kind, document.RootElement, options, cancellationToken);
        }
        catch (PubFailureException failure)
        {
            return PreparedPrimitive.Failed(failure.Code, failure.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return PreparedPrimitive.Failed(PrimitiveFailureCodes.InternalError, ExecutionMessages.Internal(exception.Message));
        }
    }

    internal static JsonElement? Optional(JsonElement pub, int index) =>
        pub.GetArrayLength() > index && pub[index].ValueKind != JsonValueKind.Null ? pub[index] : null;

    internal static int SamplerShots(int index, JsonElement root, JsonElement pub)
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
    internal static double EstimatorPrecision(JsonElement root, JsonElement pub)
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
