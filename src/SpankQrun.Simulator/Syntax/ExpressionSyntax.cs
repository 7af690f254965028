namespace SpankQrun.Simulator.Syntax;

internal abstract record ExpressionSyntax : SyntaxNode
{
    protected ExpressionSyntax(TextSpan span)
        : base(span)
    {
    }
}
