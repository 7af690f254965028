namespace SpankQrun.Simulator.Syntax;

internal sealed record NumberExpressionSyntax(TextSpan Span, SyntaxToken Number) : ExpressionSyntax(Span);
