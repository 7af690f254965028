namespace SpankQrun.Simulator.Syntax;

/// <summary>Text the parser skipped after reporting it (unsupported or malformed); the binder ignores it.</summary>
internal sealed record SkippedStatementSyntax(TextSpan Span) : StatementSyntax(Span);
