namespace SpankQrun.Simulator.Binding;

internal sealed class BoundReset(int qubit) : BoundOperation
{
    public int Qubit { get; } = qubit;
}
