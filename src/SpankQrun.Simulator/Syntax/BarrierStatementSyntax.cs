namespace SpankQrun.Simulator.Syntax;

internal sealed record BarrierStatementSyntax(TextSpan Span, IReadOnlyList<OperandSyntax> Operands) : StatementSyntax(Span);
