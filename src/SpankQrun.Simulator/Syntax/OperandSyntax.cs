namespace SpankQrun.Simulator.Syntax;

/// <summary>A qubit or bit reference: <c>$3</c>, <c>q</c> or <c>q[2]</c>.</summary>
internal abstract record OperandSyntax : SyntaxNode
{
    protected OperandSyntax(TextSpan span)
        : base(span)
    {
    }
}
