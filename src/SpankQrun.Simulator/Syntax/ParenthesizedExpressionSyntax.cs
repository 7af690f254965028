namespace SpankQrun.Simulator.Syntax;

internal sealed record ParenthesizedExpressionSyntax : ExpressionSyntax
{
    public ParenthesizedExpressionSyntax(TextSpan span, ExpressionSyntax expression)
        : base(span) => Expression = expression;

    public ExpressionSyntax Expression { get; private set; }

    public ParenthesizedExpressionSyntax Refill(TextSpan span, ExpressionSyntax expression)
    {
        (Span, Expression) = (span, expression);
        return this;
    }
}
