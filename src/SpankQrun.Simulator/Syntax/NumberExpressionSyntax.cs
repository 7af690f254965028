namespace SpankQrun.Simulator.Syntax;

internal sealed record NumberExpressionSyntax : ExpressionSyntax
{
    public NumberExpressionSyntax(TextSpan span, SyntaxToken number)
        : base(span) => Number = number;

    public SyntaxToken Number { get; private set; }

    public NumberExpressionSyntax Refill(TextSpan span, SyntaxToken number)
    {
        (Span, Number) = (span, number);
        return this;
    }
}
