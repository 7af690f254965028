namespace SpankQrun.Simulator.Syntax;

internal sealed record NameExpressionSyntax(TextSpan Span, SyntaxToken Identifier) : ExpressionSyntax(Span);
