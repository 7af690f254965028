namespace SpankQrun.Simulator.Syntax;

internal sealed record VersionStatementSyntax(TextSpan Span, SyntaxToken Version) : StatementSyntax(Span);
