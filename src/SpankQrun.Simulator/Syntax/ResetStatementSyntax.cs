namespace SpankQrun.Simulator.Syntax;

internal sealed record ResetStatementSyntax(TextSpan Span, IReadOnlyList<OperandSyntax> Operands) : StatementSyntax(Span);
