namespace SpankQrun.Simulator.Syntax;

/// <summary>Base of every syntax node; <see cref="Span"/> covers its text.</summary>
internal abstract record SyntaxNode
{
    protected SyntaxNode(TextSpan span) => Span = span;

    /// <summary>Set again only when a <see cref="SyntaxNodePool"/> recycles the node.</summary>
    public TextSpan Span { get; private protected set; }
}
