namespace SpankQrun.Simulator.Binding;

/// <summary>A top-level operation on program qubits (physical indices, or flat indices of declared registers).</summary>
internal abstract class BoundOperation;
