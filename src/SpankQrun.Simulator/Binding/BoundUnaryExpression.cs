namespace SpankQrun.Simulator.Binding;

internal sealed class BoundUnaryExpression(Func<double, double> operation, BoundExpression operand) : BoundExpression
{
    public override bool IsConstant => operand.IsConstant;

    public override double Evaluate(ReadOnlySpan<double> inputs, ReadOnlySpan<double> locals) =>
        operation(operand.Evaluate(inputs, locals));
}
