namespace SpankQrun.Simulator.Binding;

internal sealed class BoundConstant(double value) : BoundExpression
{
    public double Value { get; } = value;

    public override bool IsConstant => true;

    public override double Evaluate(ReadOnlySpan<double> inputs, ReadOnlySpan<double> locals) => Value;
}
