namespace SpankQrun.Simulator.Binding;

internal enum InstructionKind
{
    /// <summary>A 2x2 unitary on <c>Target</c>, optionally controlled by <c>Control0</c> and <c>Control1</c>.</summary>
    Unitary,

    /// <summary>Exchange of <c>Target</c> and <c>Control0</c> (the second qubit).</summary>
    Swap,

    /// <summary>The 4x4 <c>Block</c> on <c>Target</c> (its first qubit, bit b0) and <c>Control0</c> (b1); made by gate fusion.</summary>
    TwoQubitBlock,

    /// <summary>The <c>Diagonal</c> block: a 2x2 on its pivot <c>Target</c>, then a diagonal on any qubits; made by gate fusion.</summary>
    PivotDiagonal,

    Measure,
    Reset,
}
