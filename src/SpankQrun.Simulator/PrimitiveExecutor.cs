using SpankQrun.Primitives;
using SpankQrun.Simulator.Execution;

namespace SpankQrun.Simulator;

/// <summary>Runs Qiskit sampler and estimator PUBs on the local statevector simulator.</summary>
public static class PrimitiveExecutor
{
    /// <summary>Qiskit Runtime's default shots for a sampler PUB without shots.</summary>
    public const int DefaultShots = PubsDocument.DefaultShots;

    /// <summary>Qiskit Runtime's default estimator precision (1/√4096).</summary>
    public const double DefaultPrecision = PubsDocument.DefaultPrecision;

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

    /// <summary>Reads the input once (<see cref="PubsReader"/>), then prepares it as <see cref="Prepare(PubsDocument, PrimitiveExecutionOptions, CancellationToken)"/> does.</summary>
    public static PreparedPrimitive Prepare(
        PrimitiveKind kind, ReadOnlySpan<byte> utf8Input, PrimitiveExecutionOptions options, CancellationToken cancellationToken)
    {
        var read = PubsReader.Read(utf8Input, kind);
        if (read.Document is null)
        {
            var message = string.Join("; ", read.Errors.Take(5).Select(error => ExecutionMessages.InvalidInput(error.JsonPath, error.Message)));
            return PreparedPrimitive.Failed(PrimitiveFailureCodes.InvalidInput, message);
        }

        return Prepare(read.Document, options, cancellationToken);
    }

    /// <summary>
    /// Parses, binds and checks every PUB's circuit (qubits on the target, ISA, operation budget) and computes the usage,
    /// without running a shot. The result says how much memory the run will take, so that a caller can wait for it.
    /// </summary>
    public static PreparedPrimitive Prepare(PubsDocument document, PrimitiveExecutionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            return PreparedPrimitive.Create(document, options, cancellationToken);
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
}
