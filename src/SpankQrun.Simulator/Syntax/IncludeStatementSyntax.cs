namespace SpankQrun.Simulator.Syntax;

internal sealed record IncludeStatementSyntax(TextSpan Span, SyntaxToken File) : StatementSyntax(Span);
