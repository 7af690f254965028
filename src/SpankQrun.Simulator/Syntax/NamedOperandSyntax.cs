namespace SpankQrun.Simulator.Syntax;

internal sealed record NamedOperandSyntax : OperandSyntax
{
    public NamedOperandSyntax(TextSpan span, SyntaxToken identifier, ExpressionSyntax? index)
        : base(span) => (Identifier, Index) = (identifier, index);

    public SyntaxToken Identifier { get; private set; }

    public ExpressionSyntax? Index { get; private set; }

    public NamedOperandSyntax Refill(TextSpan span, SyntaxToken identifier, ExpressionSyntax? index)
    {
        (Span, Identifier, Index) = (span, identifier, index);
        return this;
    }
}
