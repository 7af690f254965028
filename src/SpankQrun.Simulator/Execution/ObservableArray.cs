using SpankQrun.Primitives;

namespace SpankQrun.Simulator.Execution;

/// <summary>A PUB's observables: an array of <see cref="Shape"/> whose elements are sums of Pauli terms.</summary>
internal sealed class ObservableArray(int[] shape, IReadOnlyList<IReadOnlyList<PauliTerm>> observables)
{
    public int[] Shape { get; } = shape;

    public IReadOnlyList<IReadOnlyList<PauliTerm>> Observables { get; } = observables;

    /// <summary>Takes observables the reader has already checked (Pauli maps, labels, or nested arrays of them).</summary>
    public static ObservableArray Read(ObservableSet set) => new(
        [.. set.Shape],
        [.. set.Observables.Select(terms => (IReadOnlyList<PauliTerm>)[.. terms.Select(term => new PauliTerm(term.Label, term.Coefficient))])]);
}
