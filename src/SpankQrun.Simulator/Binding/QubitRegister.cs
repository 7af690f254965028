namespace SpankQrun.Simulator.Binding;

/// <summary>A declared qubit register; <see cref="IsRegister"/> is false for a single <c>qubit q;</c>.</summary>
internal readonly record struct QubitRegister(int Offset, int Size, bool IsRegister);
