namespace SpankQrun.Simulator.Syntax;

/// <summary>
/// A token; <see cref="IsMissing"/> marks one the parser inserted to recover from an error. A value type, so lexing
/// allocates nothing per token beyond the text of numbers and strings (names and punctuation share one string per
/// spelling).
/// </summary>
internal readonly struct SyntaxToken
{
    private readonly string? _string;

    public SyntaxToken(SyntaxKind kind, int position, string text, object? value)
    {
        Kind = kind;
        Position = position;
        Text = text;
        switch (value)
        {
            case double number:
                Number = number;
                break;
            case int integer:
                Number = integer;
                break;
            case string characters:
                _string = characters;
                break;
        }
    }

    public SyntaxToken(SyntaxKind kind, int position, string text, double number)
    {
        Kind = kind;
        Position = position;
        Text = text;
        Number = number;
    }

    public SyntaxKind Kind { get; }

    public int Position { get; }

    public string Text { get; }

    /// <summary>The value of a number token, or the index of a physical qubit token; 0 for others.</summary>
    public double Number { get; }

    /// <summary>The value as an object: a double for numbers, an int for physical qubits, the contents for strings.</summary>
    public object? Value => Kind switch
    {
        SyntaxKind.NumberToken => Number,
        SyntaxKind.HardwareQubitToken => (int)Number,
        SyntaxKind.StringToken => _string,
        _ => null,
    };

    /// <summary>The contents of a string token (null for a missing one).</summary>
    public string? StringValue => _string;

    public TextSpan Span => new(Position, Text.Length);

    public bool IsMissing => Text.Length == 0 && Kind != SyntaxKind.EndOfFileToken;

    public override string ToString() => $"{Kind} '{Text}' at {Position}";
}
