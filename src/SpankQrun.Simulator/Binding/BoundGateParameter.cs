namespace SpankQrun.Simulator.Binding;

internal sealed class BoundGateParameter(int index) : BoundExpression
{
    public override bool IsConstant => false;

    public override double Evaluate(ReadOnlySpan<double> inputs, ReadOnlySpan<double> locals) => locals[index];
}
