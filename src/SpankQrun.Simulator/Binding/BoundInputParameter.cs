namespace SpankQrun.Simulator.Binding;

internal sealed class BoundInputParameter(int index) : BoundExpression
{
    public override bool IsConstant => false;

    public override double Evaluate(ReadOnlySpan<double> inputs, ReadOnlySpan<double> locals) => inputs[index];
}
