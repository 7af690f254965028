namespace SpankQrun.Simulator.Syntax;

internal sealed record BinaryExpressionSyntax(TextSpan Span, ExpressionSyntax Left, SyntaxToken Operator, ExpressionSyntax Right)
    : ExpressionSyntax(Span);
