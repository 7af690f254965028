using System.Globalization;

namespace SpankQrun.Simulator.Syntax;

/// <summary>Turns QASM text into tokens. Every call to <see cref="Lex"/> consumes at least one character or returns end of file.</summary>
internal sealed class Lexer(SourceText text, DiagnosticBag diagnostics)
{
    /// <summary>Numbers up to this many characters share their text through the pool (long ones are mostly unique, and slices).</summary>
    private const int PooledNumberLength = 8;

    /// <summary>Slots of <see cref="_recentNames"/> (a power of two).</summary>
    private const int RecentNameSlots = 256;

    /// <summary>One string per distinct name, physical qubit or short number, so repeated spellings allocate once.</summary>
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

    /// <summary>The names of physical qubits $0 to $1023 as written without leading zeros, by index: no hashing for them.</summary>
    private readonly IndexedSlots<string> _physicalQubitNames = new(1024);

    /// <summary>Names and their token kinds, last seen per slot (see <see cref="LexIdentifierOrKeyword"/>).</summary>
    private readonly (string? Text, SyntaxKind Kind)[] _recentNames = new (string?, SyntaxKind)[RecentNameSlots];
    private int _position;

    private char Current => Peek(0);

    public IReadOnlyList<SyntaxToken> LexAll()
    {
        var tokens = new List<SyntaxToken>();
        SyntaxToken token;
        do
        {
            token = Lex();
            if (token.Kind != SyntaxKind.BadToken)
            {
                tokens.Add(token);
            }
        }
        while (token.Kind != SyntaxKind.EndOfFileToken);

        return tokens;
    }

    public SyntaxToken Lex()
    {
        SkipTrivia();
        var start = _position;
        if (_position >= text.Length)
        {
            return new SyntaxToken(SyntaxKind.EndOfFileToken, start, "");
        }

        var character = Current;
        switch (character)
        {
            case ';': return Punctuation(SyntaxKind.SemicolonToken, 1);
            case ',': return Punctuation(SyntaxKind.CommaToken, 1);
            case '(': return Punctuation(SyntaxKind.OpenParenthesisToken, 1);
            case ')': return Punctuation(SyntaxKind.CloseParenthesisToken, 1);
            case '[': return Punctuation(SyntaxKind.OpenBracketToken, 1);
            case ']': return Punctuation(SyntaxKind.CloseBracketToken, 1);
            case '{': return Punctuation(SyntaxKind.OpenBraceToken, 1);
            case '}': return Punctuation(SyntaxKind.CloseBraceToken, 1);
            case '+': return Punctuation(SyntaxKind.PlusToken, 1);
            case '-': return Peek(1) == '>' ? Punctuation(SyntaxKind.ArrowToken, 2) : Punctuation(SyntaxKind.MinusToken, 1);
            case '*': return Peek(1) == '*' ? Punctuation(SyntaxKind.StarStarToken, 2) : Punctuation(SyntaxKind.StarToken, 1);
            case '/': return Punctuation(SyntaxKind.SlashToken, 1);
            case '%': return Punctuation(SyntaxKind.PercentToken, 1);
            case '=': return Punctuation(SyntaxKind.EqualsToken, 1);
            case '@': return Punctuation(SyntaxKind.AtToken, 1);
            case ':': return Punctuation(SyntaxKind.ColonToken, 1);
            case '#': return Punctuation(SyntaxKind.HashToken, 1);
            case '"' or '\'': return LexString(character);
            case '$': return LexHardwareQubit();
        }

        if (char.IsAsciiDigit(character) || (character == '.' && char.IsAsciiDigit(Peek(1))))
        {
            return LexNumber();
        }

        if (char.IsLetter(character) || character == '_')
        {
            return LexIdentifierOrKeyword();
        }

        diagnostics.ReportBadCharacter(start, character);
        _position++;
        return new SyntaxToken(SyntaxKind.BadToken, start, text.ToString(new TextSpan(start, 1)));
    }

    private char Peek(int offset)
    {
        var index = _position + offset;
        return index < text.Length ? text[index] : '\0';
    }

    private SyntaxToken Punctuation(SyntaxKind kind, int length)
    {
        var token = new SyntaxToken(kind, _position, SyntaxFacts.GetText(kind)!);
        _position += length;
        return token;
    }

    private void SkipTrivia()
    {
        while (_position < text.Length)
        {
            if (char.IsWhiteSpace(Current))
            {
                _position++;
            }
            else if (Current == '/' && Peek(1) == '/')
            {
                while (_position < text.Length && Current != '\n')
                {
                    _position++;
                }
            }
            else if (Current == '/' && Peek(1) == '*')
            {
                var start = _position;
                var end = text.Text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    diagnostics.ReportUnterminatedComment(new TextSpan(start, 2));
                    _position = text.Length;
                }
                else
                {
                    _position = end + 2;
                }
            }
            else
            {
                return;
            }
        }
    }

    private SyntaxToken LexString(char quote)
    {
        var start = _position;
        _position++;
        while (_position < text.Length && Current != quote && Current != '\n')
        {
            _position++;
        }

        if (Current == quote)
        {
            _position++;
        }
        else
        {
            diagnostics.ReportUnterminatedString(new TextSpan(start, 1));
        }

        return new SyntaxToken(SyntaxKind.StringToken, start, text.Text[start.._position]);
    }

    private SyntaxToken LexHardwareQubit()
    {
        var start = _position;
        _position++;
        var value = 0L;
        while (char.IsAsciiDigit(Current))
        {
            // Capped past int.MaxValue so a long run of digits cannot overflow; the check below reports it.
            value = Math.Min((value * 10) + (Current - '0'), 1L << 32);
            _position++;
        }

        var digits = _position - start - 1;
        if (digits == 0 || value > int.MaxValue)
        {
            var written = Pooled(start, _position);
            diagnostics.ReportInvalidHardwareQubit(TextSpan.FromBounds(start, _position), written);
            return new SyntaxToken(SyntaxKind.HardwareQubitToken, start, written, 0);
        }

        var index = (int)value;
        var canonical = digits == 1 || text[start + 1] != '0';
        if (!canonical || index >= _physicalQubitNames.Bound)
        {
            return new SyntaxToken(SyntaxKind.HardwareQubitToken, start, Pooled(start, _position), index);
        }

        var name = _physicalQubitNames[index] ??= Pooled(start, _position);
        return new SyntaxToken(SyntaxKind.HardwareQubitToken, start, name, index);
    }

    private SyntaxToken LexNumber()
    {
        var start = _position;
        while (char.IsAsciiDigit(Current))
        {
            _position++;
        }

        if (Current == '.')
        {
            _position++;
            while (char.IsAsciiDigit(Current))
            {
                _position++;
            }
        }

        if ((Current == 'e' || Current == 'E')
            && (char.IsAsciiDigit(Peek(1)) || ((Peek(1) == '+' || Peek(1) == '-') && char.IsAsciiDigit(Peek(2)))))
        {
            _position += 2;
            while (char.IsAsciiDigit(Current))
            {
                _position++;
            }
        }

        var span = TextSpan.FromBounds(start, _position);
        var characters = text.Text.AsSpan(start, span.Length);
        if (!double.TryParse(characters, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            diagnostics.ReportInvalidNumber(span, characters.ToString());
            value = 0;
        }

        return span.Length <= PooledNumberLength
            ? new SyntaxToken(SyntaxKind.NumberToken, start, Pooled(start, _position), value)
            : new SyntaxToken(SyntaxKind.NumberToken, text.Text, start, span.Length, value);
    }

    private SyntaxToken LexIdentifierOrKeyword()
    {
        var start = _position;
        while (char.IsLetterOrDigit(Current) || Current == '_')
        {
            _position++;
        }

        // Gate names repeat on nearly every line: a small direct-mapped cache, slotted by length and first and last
        // characters and checked by comparing the text, answers them without hashing the name or matching keywords.
        var characters = text.Text.AsSpan(start, _position - start);
        ref var recent = ref _recentNames[((characters.Length * 31) + (characters[0] * 7) + characters[^1]) & (RecentNameSlots - 1)];
        if (recent.Text is { } known && characters.SequenceEqual(known))
        {
            return new SyntaxToken(recent.Kind, start, known);
        }

        var tokenText = Pooled(start, _position);
        recent = (tokenText, SyntaxFacts.GetKeywordKind(tokenText));
        return new SyntaxToken(recent.Kind, start, tokenText);
    }

    private string Pooled(int start, int end)
    {
        var characters = text.Text.AsSpan(start, end - start);
        var lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(characters, out var pooled))
        {
            pooled = characters.ToString();
            _pool.Add(pooled, pooled);
        }

        return pooled;
    }
}
