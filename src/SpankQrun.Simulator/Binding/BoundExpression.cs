namespace SpankQrun.Simulator.Binding;

/// <summary>An angle expression; <c>inputs</c> are the circuit's input parameters, <c>locals</c> the enclosing gate's parameters.</summary>
internal abstract class BoundExpression
{
    public abstract double Evaluate(ReadOnlySpan<double> inputs, ReadOnlySpan<double> locals);

    /// <summary>True when the value depends on no input or gate parameter.</summary>
    public abstract bool IsConstant { get; }
}
