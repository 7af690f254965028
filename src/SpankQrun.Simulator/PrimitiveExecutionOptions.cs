using SpankQrun.Simulator.Targets;

namespace SpankQrun.Simulator;

/// <summary>
/// How to run primitives: <paramref name="Seed"/> fixes the shot sampler; circuits touching more than
/// <paramref name="MaxQubits"/> qubits fail instead of allocating 2^n amplitudes; <paramref name="Target"/> is the
/// backend (qubits, ISA, gate times; null: no backend checks, default gate times); <paramref name="MaxOperations"/>
/// bounds the gate calls (empty ones and calls of gate definitions included) that binding or expanding one circuit makes.
/// </summary>
public sealed record PrimitiveExecutionOptions(
    int? Seed = null, int MaxQubits = 28, BackendTarget? Target = null, long MaxOperations = 10_000_000);
