namespace SpankQrun.Simulator.Binding;

internal enum InstructionKind
{
    /// <summary>A 2x2 unitary on <c>Target</c>, optionally controlled by <c>Control0</c> and <c>Control1</c>.</summary>
    Unitary,

    /// <summary>Exchange of <c>Target</c> and <c>Control0</c> (the second qubit).</summary>
    Swap,

    Measure,
    Reset,
}
