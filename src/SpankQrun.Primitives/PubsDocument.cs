namespace SpankQrun.Primitives;

/// <summary>
/// A PUBs document parsed once, checked and with its defaults resolved: the sampler's or the estimator's PUBs in
/// order. Produced by <see cref="PubsReader.Read"/>; circuits are still OpenQASM 3 text.
/// </summary>
public sealed record PubsDocument(PrimitiveKind Kind, IReadOnlyList<SamplerPub> SamplerPubs, IReadOnlyList<EstimatorPub> EstimatorPubs)
{
    /// <summary>Qiskit Runtime's default shots for a sampler PUB without shots.</summary>
    public const int DefaultShots = 4096;

    /// <summary>Qiskit Runtime's default estimator precision (1/√4096).</summary>
    public const double DefaultPrecision = 0.015625;

    public int Count => Kind == PrimitiveKind.Sampler ? SamplerPubs.Count : EstimatorPubs.Count;

    /// <summary><c>support_qiskit: true</c>: results are written in the form qiskit-ibm-runtime's RuntimeDecoder reads.</summary>
    public bool SupportQiskit { get; init; }
}

/// <summary>A sampler PUB; <see cref="Shots"/> is the PUB's, else the document's shots, options.default_shots or 4096.</summary>
public sealed record SamplerPub(int Index, string Circuit, ParameterArray ParameterValues, long Shots);

/// <summary>An estimator PUB; <see cref="Precision"/> is resolved like Qiskit Runtime's.</summary>
public sealed record EstimatorPub(int Index, string Circuit, ObservableSet Observables, ParameterArray ParameterValues, double Precision);

/// <summary>
/// Parameter values as a rectangular array: <see cref="Shape"/> is the full nested shape (its last entry is the number
/// of values per set), <see cref="Values"/> the numbers in row-major order. <see cref="Present"/> is false when the PUB
/// gave none (missing or null).
/// </summary>
public sealed record ParameterArray(bool Present, IReadOnlyList<int> Shape, IReadOnlyList<double> Values)
{
    public static ParameterArray None { get; } = new(false, [], []);
}

/// <summary>
/// Observables as a rectangular array of <see cref="Shape"/> (empty for a single observable); each element is a sum of
/// Pauli terms (label, coefficient), rightmost label character = qubit 0.
/// </summary>
public sealed record ObservableSet(IReadOnlyList<int> Shape, IReadOnlyList<IReadOnlyList<PauliTermValue>> Observables);

/// <summary>One Pauli term of an observable.</summary>
public readonly record struct PauliTermValue(string Label, double Coefficient);

/// <summary>The outcome of <see cref="PubsReader.Read"/>: a document when <see cref="Errors"/> is empty.</summary>
public sealed record PubsReadResult(PubsDocument? Document, IReadOnlyList<PubsError> Errors);
