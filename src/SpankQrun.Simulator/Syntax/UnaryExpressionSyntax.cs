namespace SpankQrun.Simulator.Syntax;

internal sealed record UnaryExpressionSyntax : ExpressionSyntax
{
    public UnaryExpressionSyntax(TextSpan span, SyntaxToken @operator, ExpressionSyntax operand)
        : base(span) => (Operator, Operand) = (@operator, operand);

    public SyntaxToken Operator { get; private set; }

    public ExpressionSyntax Operand { get; private set; }

    public UnaryExpressionSyntax Refill(TextSpan span, SyntaxToken @operator, ExpressionSyntax operand)
    {
        (Span, Operator, Operand) = (span, @operator, operand);
        return this;
    }
}
