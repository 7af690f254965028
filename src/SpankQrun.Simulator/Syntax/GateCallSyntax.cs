namespace SpankQrun.Simulator.Syntax;

internal sealed record GateCallSyntax : StatementSyntax
{
    public GateCallSyntax(TextSpan span, SyntaxToken identifier, IReadOnlyList<ExpressionSyntax> arguments, IReadOnlyList<OperandSyntax> operands)
        : base(span) => (Identifier, Arguments, Operands) = (identifier, arguments, operands);

    public SyntaxToken Identifier { get; private set; }

    public IReadOnlyList<ExpressionSyntax> Arguments { get; private set; }

    public IReadOnlyList<OperandSyntax> Operands { get; private set; }

    public GateCallSyntax Refill(TextSpan span, SyntaxToken identifier, IReadOnlyList<ExpressionSyntax> arguments, IReadOnlyList<OperandSyntax> operands)
    {
        (Span, Identifier, Arguments, Operands) = (span, identifier, arguments, operands);
        return this;
    }
}
