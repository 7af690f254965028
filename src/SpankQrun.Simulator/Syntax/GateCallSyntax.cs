namespace SpankQrun.Simulator.Syntax;

internal sealed record GateCallSyntax(
    TextSpan Span,
    SyntaxToken Identifier,
    IReadOnlyList<ExpressionSyntax> Arguments,
    IReadOnlyList<OperandSyntax> Operands) : StatementSyntax(Span);
