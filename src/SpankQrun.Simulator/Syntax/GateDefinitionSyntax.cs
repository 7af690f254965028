namespace SpankQrun.Simulator.Syntax;

internal sealed record GateDefinitionSyntax(
    TextSpan Span,
    SyntaxToken Identifier,
    IReadOnlyList<SyntaxToken> Parameters,
    IReadOnlyList<SyntaxToken> Qubits,
    IReadOnlyList<StatementSyntax> Body) : StatementSyntax(Span);
