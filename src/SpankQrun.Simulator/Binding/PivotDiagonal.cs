using System.Numerics;

namespace SpankQrun.Simulator.Binding;

/// <summary>
/// A 2x2 matrix on one pivot qubit followed by a diagonal whose factor on every other qubit may depend on the pivot's
/// bit: amplitude i is multiplied by Π_q factor(b_pivot, q, b_q) after <see cref="Before"/>. One-qubit diagonal gates on
/// any qubit and one-control diagonal gates (cp, cz, crz, ...) that involve the pivot take this form, so a whole run of
/// them (a QFT step: h, then a cp from every lower qubit) is one pass over the state. Built by gate fusion.
/// </summary>
internal sealed class PivotDiagonal
{
    // Index (2·q + b_q) in the table for the pivot's bit.
    private readonly Complex[] _whenZero;
    private readonly Complex[] _whenOne;

    public PivotDiagonal(int pivot, int qubitCount, Matrix2 before)
    {
        Pivot = pivot;
        Before = before;
        _whenZero = new Complex[2 * qubitCount];
        _whenOne = new Complex[2 * qubitCount];
        Array.Fill(_whenZero, Complex.One);
        Array.Fill(_whenOne, Complex.One);
    }

    public int Pivot { get; }

    /// <summary>Applied to the pivot before the diagonal.</summary>
    public Matrix2 Before { get; }

    public int QubitCount => _whenZero.Length / 2;

    /// <summary>The factor for qubit <paramref name="qubit"/> at bit <paramref name="bit"/> when the pivot's bit is <paramref name="pivotBit"/>.</summary>
    public Complex Factor(int pivotBit, int qubit, int bit) => (pivotBit == 0 ? _whenZero : _whenOne)[(2 * qubit) + bit];

    /// <summary>
    /// Adds a diagonal gate (after the ones added so far): a one-qubit diagonal on any qubit, or a one-control diagonal
    /// whose control or target is the pivot.
    /// </summary>
    public void Add(in Instruction instruction)
    {
        var m = instruction.Matrix;
        if (instruction.Kind != InstructionKind.Unitary || instruction.Control1 >= 0 || !m.IsDiagonal)
        {
            throw new ArgumentException("only one-qubit and one-control diagonal gates join a pivot diagonal", nameof(instruction));
        }

        var target = instruction.Target;
        var control = instruction.Control0;
        if (control < 0)
        {
            Scale(_whenZero, target, m.M00, m.M11);
            Scale(_whenOne, target, m.M00, m.M11);
        }
        else if (control == Pivot)
        {
            Scale(_whenOne, target, m.M00, m.M11);
        }
        else if (target == Pivot)
        {
            // b_control = 1: the pivot's own factor, which is the same whichever other qubit carries it.
            Scale(_whenZero, control, Complex.One, m.M00);
            Scale(_whenOne, control, Complex.One, m.M11);
        }
        else
        {
            throw new ArgumentException($"the gate on {control} and {target} does not involve pivot {Pivot}", nameof(instruction));
        }
    }

    private static void Scale(Complex[] table, int qubit, Complex d0, Complex d1)
    {
        table[2 * qubit] *= d0;
        table[(2 * qubit) + 1] *= d1;
    }
}
