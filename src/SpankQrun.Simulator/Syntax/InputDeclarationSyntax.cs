namespace SpankQrun.Simulator.Syntax;

/// <summary><c>input float[64] theta;</c>: a circuit parameter bound from the PUB's parameter values.</summary>
internal sealed record InputDeclarationSyntax(TextSpan Span, SyntaxToken Identifier) : StatementSyntax(Span);
