using System.Text.Json;

namespace SpankQrun.Simulator.Execution;

/// <summary>A PUB's parameter values: <see cref="Shape"/> sets of <see cref="ParameterCount"/> values, row-major.</summary>
internal sealed class ParameterValues(int[] shape, int parameterCount, double[] values)
{
    public int[] Shape { get; } = shape;

    public int ParameterCount { get; } = parameterCount;

    public int SetCount => Execution.Shape.Size(Shape);

    public ReadOnlySpan<double> GetSet(int index) => values.AsSpan(index * ParameterCount, ParameterCount);

    /// <summary>Reads values (already shape-checked by the validator) for a circuit with the given input parameters.</summary>
    public static ParameterValues Read(int pub, JsonElement? element, IReadOnlyList<string> parameterNames)
    {
        var count = parameterNames.Count;
        if (element is not { ValueKind: JsonValueKind.Array } array)
        {
            return count == 0 ? new ParameterValues([], 0, []) : throw Mismatch(pub, parameterNames, []);
        }

        var fullShape = new List<int>();
        for (var current = array; current.ValueKind == JsonValueKind.Array; current = current.GetArrayLength() > 0 ? current[0] : default)
        {
            fullShape.Add(current.GetArrayLength());
            if (current.GetArrayLength() == 0)
            {
                break;
            }
        }

        var flat = new List<double>();
        Flatten(array, flat);
        if (count == 0 && fullShape is [0])
        {
            return new ParameterValues([], 0, []);
        }

        if (fullShape[^1] != count)
        {
            throw Mismatch(pub, parameterNames, fullShape);
        }

        return new ParameterValues([.. fullShape.Take(fullShape.Count - 1)], count, [.. flat]);
    }

    private static void Flatten(JsonElement element, List<double> flat)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            flat.Add(element.GetDouble());
            return;
        }

        foreach (var child in element.EnumerateArray())
        {
            Flatten(child, flat);
        }
    }

    private static PubFailureException Mismatch(int pub, IReadOnlyList<string> names, IReadOnlyList<int> shape) =>
        new(PrimitiveFailureCodes.ShapeMismatch, ExecutionMessages.ParameterCountMismatch(pub, names.Count, names, Execution.Shape.Format(shape)));
}
