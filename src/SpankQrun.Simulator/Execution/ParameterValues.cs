using SpankQrun.Primitives;

namespace SpankQrun.Simulator.Execution;

/// <summary>A PUB's parameter values: <see cref="Shape"/> sets of <see cref="ParameterCount"/> values, row-major.</summary>
internal sealed class ParameterValues(int[] shape, int parameterCount, double[] values)
{
    public int[] Shape { get; } = shape;

    public int ParameterCount { get; } = parameterCount;

    public int SetCount => Execution.Shape.Size(Shape);

    public ReadOnlySpan<double> GetSet(int index) => values.AsSpan(index * ParameterCount, ParameterCount);

    /// <summary>Takes a PUB's parameter values (already shape-checked by the reader) for a circuit with the given input parameters.</summary>
    public static ParameterValues Read(int pub, ParameterArray array, IReadOnlyList<string> parameterNames)
    {
        var count = parameterNames.Count;
        if (!array.Present)
        {
            return count == 0 ? new ParameterValues([], 0, []) : throw Mismatch(pub, parameterNames, []);
        }

        var fullShape = array.Shape;
        if (count == 0 && fullShape is [0])
        {
            return new ParameterValues([], 0, []);
        }

        if (fullShape[^1] != count)
        {
            throw Mismatch(pub, parameterNames, fullShape);
        }

        return new ParameterValues([.. fullShape.Take(fullShape.Count - 1)], count, [.. array.Values]);
    }

    private static PubFailureException Mismatch(int pub, IReadOnlyList<string> names, IReadOnlyList<int> shape) =>
        new(PrimitiveFailureCodes.ShapeMismatch, ExecutionMessages.ParameterCountMismatch(pub, names.Count, names, Execution.Shape.Format(shape)));
}
