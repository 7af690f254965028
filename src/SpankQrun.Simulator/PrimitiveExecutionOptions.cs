namespace SpankQrun.Simulator;

/// <summary>How to run primitives: <paramref name="Seed"/> fixes the shot sampler; circuits touching more than
/// <paramref name="MaxQubits"/> qubits fail instead of allocating 2^n amplitudes.</summary>
public sealed record PrimitiveExecutionOptions(int? Seed = null, int MaxQubits = 28);
