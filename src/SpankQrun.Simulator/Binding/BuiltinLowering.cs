namespace SpankQrun.Simulator.Binding;

/// <summary>Appends the instructions of a built-in gate with evaluated <paramref name="parameters"/> on <paramref name="qubits"/>.</summary>
internal delegate void BuiltinLowering(ReadOnlySpan<double> parameters, ReadOnlySpan<int> qubits, List<Instruction> output);
