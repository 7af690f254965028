namespace SpankQrun.Simulator.Syntax;

internal sealed record ParenthesizedExpressionSyntax(TextSpan Span, ExpressionSyntax Expression) : ExpressionSyntax(Span);
