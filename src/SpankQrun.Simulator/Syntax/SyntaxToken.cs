namespace SpankQrun.Simulator.Syntax;

/// <summary>A token; <see cref="IsMissing"/> marks one the parser inserted to recover from an error.</summary>
internal sealed record SyntaxToken(SyntaxKind Kind, int Position, string Text, object? Value)
{
    public TextSpan Span => new(Position, Text.Length);

    public bool IsMissing => Text.Length == 0 && Kind != SyntaxKind.EndOfFileToken;
}
