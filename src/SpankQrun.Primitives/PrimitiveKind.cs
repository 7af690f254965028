namespace SpankQrun.Primitives;

/// <summary>The two Qiskit primitives a job can run.</summary>
public enum PrimitiveKind
{
    Sampler,
    Estimator,
}
