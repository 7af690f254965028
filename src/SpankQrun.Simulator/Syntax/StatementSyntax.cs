namespace SpankQrun.Simulator.Syntax;

internal abstract record StatementSyntax(TextSpan Span) : SyntaxNode(Span);
