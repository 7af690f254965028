namespace SpankQrun.Simulator.Syntax;

/// <summary><c>bit[n] c;</c>, <c>bit c;</c> or <c>creg c[n];</c>.</summary>
internal sealed record BitDeclarationSyntax(TextSpan Span, ExpressionSyntax? Size, SyntaxToken Identifier) : StatementSyntax(Span);
