namespace SpankQrun.Simulator.Syntax;

internal sealed record BinaryExpressionSyntax : ExpressionSyntax
{
    public BinaryExpressionSyntax(TextSpan span, ExpressionSyntax left, SyntaxToken @operator, ExpressionSyntax right)
        : base(span) => (Left, Operator, Right) = (left, @operator, right);

    public ExpressionSyntax Left { get; private set; }

    public SyntaxToken Operator { get; private set; }

    public ExpressionSyntax Right { get; private set; }

    public BinaryExpressionSyntax Refill(TextSpan span, ExpressionSyntax left, SyntaxToken @operator, ExpressionSyntax right)
    {
        (Span, Left, Operator, Right) = (span, left, @operator, right);
        return this;
    }
}
