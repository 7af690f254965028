namespace SpankQrun.Simulator.Binding;

internal sealed class BoundBinaryExpression(Func<double, double, double> operation, BoundExpression left, BoundExpression right)
    : BoundExpression
{
    public override bool IsConstant => left.IsConstant && right.IsConstant;

    public override double Evaluate(ReadOnlySpan<double> inputs, ReadOnlySpan<double> locals) =>
        operation(left.Evaluate(inputs, locals), right.Evaluate(inputs, locals));
}
