namespace SpankQrun.Simulator.Syntax;

internal sealed record CallExpressionSyntax(TextSpan Span, SyntaxToken Identifier, IReadOnlyList<ExpressionSyntax> Arguments)
    : ExpressionSyntax(Span);
