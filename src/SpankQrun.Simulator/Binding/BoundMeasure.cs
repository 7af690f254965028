namespace SpankQrun.Simulator.Binding;

/// <summary>Measures a program qubit into a global bit index, or discards the outcome when <see cref="Bit"/> is -1.</summary>
internal sealed class BoundMeasure(int qubit, int bit) : BoundOperation
{
    public int Qubit { get; } = qubit;

    public int Bit { get; } = bit;
}
