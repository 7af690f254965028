namespace SpankQrun.Emulator.Backends;

/// <summary>Wire form of one gate's properties on given qubits.</summary>
public sealed record BackendGateProperties(string Gate, IReadOnlyList<int> Qubits, IReadOnlyList<BackendNduv> Parameters, string Name);
