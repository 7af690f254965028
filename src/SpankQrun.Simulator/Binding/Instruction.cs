namespace SpankQrun.Simulator.Binding;

/// <summary>One lowered operation on simulated qubit indices (0 .. simulated qubits - 1).</summary>
internal readonly record struct Instruction(InstructionKind Kind, int Target, int Control0, int Control1, int Bit, Matrix2 Matrix, Matrix4? Block = null, PivotDiagonal? Diagonal = null)
{
    public static Instruction Unitary(int target, Matrix2 matrix) => new(InstructionKind.Unitary, target, -1, -1, -1, matrix);

    public static Instruction Controlled(int control, int target, Matrix2 matrix) =>
        new(InstructionKind.Unitary, target, control, -1, -1, matrix);

    public static Instruction Controlled(int control0, int control1, int target, Matrix2 matrix) =>
        new(InstructionKind.Unitary, target, control0, control1, -1, matrix);

    public static Instruction TwoQubitBlock(int first, int second, Matrix4 block) =>
        new(InstructionKind.TwoQubitBlock, first, second, -1, -1, Matrix2.Identity, block);

    /// <summary>The fused <paramref name="diagonal"/> (its pivot is the target).</summary>
    public static Instruction Pivot(PivotDiagonal diagonal) =>
        new(InstructionKind.PivotDiagonal, diagonal.Pivot, -1, -1, -1, diagonal.Before, Diagonal: diagonal);

    public static Instruction Swap(int first, int second) => new(InstructionKind.Swap, first, second, -1, -1, Matrix2.Identity);

    /// <summary>Measures <paramref name="qubit"/> into global bit <paramref name="bit"/> (-1 discards the outcome).</summary>
    public static Instruction Measure(int qubit, int bit) => new(InstructionKind.Measure, qubit, -1, -1, bit, Matrix2.Identity);

    public static Instruction Reset(int qubit) => new(InstructionKind.Reset, qubit, -1, -1, -1, Matrix2.Identity);
}
