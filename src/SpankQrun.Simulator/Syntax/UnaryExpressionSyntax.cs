namespace SpankQrun.Simulator.Syntax;

internal sealed record UnaryExpressionSyntax(TextSpan Span, SyntaxToken Operator, ExpressionSyntax Operand) : ExpressionSyntax(Span);
