namespace SpankQrun.Simulator.Binding;

internal enum QubitAddressing
{
    /// <summary>The circuit names no qubit at all.</summary>
    None,

    /// <summary>Physical qubits <c>$n</c>; program qubit n is device qubit n.</summary>
    Physical,

    /// <summary>Declared <c>qubit</c> registers; program qubits are numbered in declaration order.</summary>
    Declared,
}
