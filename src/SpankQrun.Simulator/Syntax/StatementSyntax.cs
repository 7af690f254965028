namespace SpankQrun.Simulator.Syntax;

internal abstract record StatementSyntax : SyntaxNode
{
    protected StatementSyntax(TextSpan span)
        : base(span)
    {
    }
}
