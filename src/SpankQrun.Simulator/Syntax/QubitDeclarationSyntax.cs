namespace SpankQrun.Simulator.Syntax;

/// <summary><c>qubit[n] q;</c>, <c>qubit q;</c> or <c>qreg q[n];</c>.</summary>
internal sealed record QubitDeclarationSyntax(TextSpan Span, ExpressionSyntax? Size, SyntaxToken Identifier) : StatementSyntax(Span);
