using System.Text.Json;

namespace SpankQrun.Simulator.Execution;

/// <summary>A PUB's observables: an array of <see cref="Shape"/> whose elements are sums of Pauli terms.</summary>
internal sealed class ObservableArray(int[] shape, IReadOnlyList<IReadOnlyList<PauliTerm>> observables)
{
    public int[] Shape { get; } = shape;

    public IReadOnlyList<IReadOnlyList<PauliTerm>> Observables { get; } = observables;

    /// <summary>Reads observables the validator has already checked (Pauli maps, labels, or nested arrays of them).</summary>
    public static ObservableArray Read(JsonElement element)
    {
        var shape = new List<int>();
        for (var current = element; current.ValueKind == JsonValueKind.Array; current = current[0])
        {
            shape.Add(current.GetArrayLength());
        }

        var observables = new List<IReadOnlyList<PauliTerm>>();
        Flatten(element, observables);
        return new ObservableArray([.. shape], observables);
    }

    private static void Flatten(JsonElement element, List<IReadOnlyList<PauliTerm>> observables)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                observables.Add([new PauliTerm(element.GetString()!, 1.0)]);
                break;
            case JsonValueKind.Object:
                observables.Add([.. element.EnumerateObject().Select(term => new PauliTerm(term.Name, term.Value.GetDouble()))]);
                break;
            default:
                foreach (var child in element.EnumerateArray())
                {
                    Flatten(child, observables);
                }

                break;
        }
    }
}
