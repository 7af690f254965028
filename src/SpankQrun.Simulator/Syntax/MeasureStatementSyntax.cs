namespace SpankQrun.Simulator.Syntax;

/// <summary><c>c[0] = measure $0;</c>, <c>measure $0 -> c[0];</c> or <c>measure $0;</c> (no <see cref="Target"/>).</summary>
internal sealed record MeasureStatementSyntax(TextSpan Span, OperandSyntax Source, OperandSyntax? Target) : StatementSyntax(Span);
