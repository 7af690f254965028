namespace SpankQrun.Simulator.Syntax;

internal sealed record NameExpressionSyntax : ExpressionSyntax
{
    public NameExpressionSyntax(TextSpan span, SyntaxToken identifier)
        : base(span) => Identifier = identifier;

    public SyntaxToken Identifier { get; private set; }

    public NameExpressionSyntax Refill(TextSpan span, SyntaxToken identifier)
    {
        (Span, Identifier) = (span, identifier);
        return this;
    }
}
