namespace SpankQrun.Simulator.Syntax;

internal sealed record NamedOperandSyntax(TextSpan Span, SyntaxToken Identifier, ExpressionSyntax? Index) : OperandSyntax(Span);
