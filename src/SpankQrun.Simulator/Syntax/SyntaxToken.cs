namespace SpankQrun.Simulator.Syntax;

/// <summary>
/// A token; <see cref="IsMissing"/> marks one the parser inserted to recover from an error. A value type, so lexing
/// allocates nothing per token: names and punctuation share one string per spelling, and long numbers keep a slice
/// of the source whose text is only made into a string when asked for.
/// </summary>
internal readonly struct SyntaxToken
{
    /// <summary>The token's text, or the whole source when <see cref="_length"/> is shorter (a slice at <see cref="Position"/>).</summary>
    private readonly string _text;
    private readonly int _length;

    public SyntaxToken(SyntaxKind kind, int position, string text, double number = 0)
    {
        Kind = kind;
        Position = position;
        _text = text;
        _length = text.Length;
        Number = number;
    }

    /// <summary>A token whose text is <paramref name="source"/>[<paramref name="position"/> .. + <paramref name="length"/>].</summary>
    public SyntaxToken(SyntaxKind kind, string source, int position, int length, double number)
    {
        Kind = kind;
        Position = position;
        _text = source;
        _length = length;
        Number = number;
    }

    public SyntaxKind Kind { get; }

    public int Position { get; }

    public string Text => _text.Length == _length ? _text : _text.Substring(Position, _length);

    /// <summary>The value of a number token, or the index of a physical qubit token; 0 for others.</summary>
    public double Number { get; }

    /// <summary>The value as an object: a double for numbers, an int for physical qubits, the contents for strings.</summary>
    public object? Value => Kind switch
    {
        SyntaxKind.NumberToken => Number,
        SyntaxKind.HardwareQubitToken => (int)Number,
        SyntaxKind.StringToken => StringValue,
        _ => null,
    };

    /// <summary>The contents of a string token without its quotes (null for a missing one).</summary>
    public string? StringValue
    {
        get
        {
            if (Kind != SyntaxKind.StringToken || _length == 0)
            {
                return null;
            }

            var text = Text;
            var closed = text.Length >= 2 && text[^1] == text[0];
            return closed ? text[1..^1] : text[1..];
        }
    }

    public TextSpan Span => new(Position, _length);

    public bool IsMissing => _length == 0 && Kind != SyntaxKind.EndOfFileToken;

    public override string ToString() => $"{Kind} '{Text}' at {Position}";
}
