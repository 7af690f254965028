namespace SpankQrun.Simulator.Syntax;

internal abstract record ExpressionSyntax(TextSpan Span) : SyntaxNode(Span);
