using SpankQrun.Simulator.Syntax;

namespace SpankQrun.Simulator.Tests.Syntax;

public sealed class LexerTests
{
    public static TheoryData<string, string> Samples
    {
        get
        {
            var data = new TheoryData<string, string>
            {
                { nameof(SyntaxKind.IdentifierToken), "_gate_q_0" },
                { nameof(SyntaxKind.IdentifierToken), "π" },
                { nameof(SyntaxKind.NumberToken), "1.5707963267948966" },
                { nameof(SyntaxKind.HardwareQubitToken), "$127" },
                { nameof(SyntaxKind.StringToken), "\"stdgates.inc\"" },
                { nameof(SyntaxKind.EndOfFileToken), "" },
            };
            foreach (var kind in Enum.GetValues<SyntaxKind>())
            {
                if (SyntaxFacts.GetText(kind) is { } text)
                {
                    data.Add(kind.ToString(), text);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Lexer_TokenText_LexesToItsKind(string kind, string text)
    {
        var tokens = Lex(text, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(Enum.Parse<SyntaxKind>(kind), tokens[0].Kind);
        Assert.Equal(text, tokens[0].Text);
    }

    [Fact]
    public void Lexer_Covers_AllTokenKinds()
    {
        var covered = Samples.Select(row => Enum.Parse<SyntaxKind>((string)row[0])).ToHashSet();
        var missing = Enum.GetValues<SyntaxKind>().Where(kind => kind != SyntaxKind.BadToken && !covered.Contains(kind));

        Assert.Equal("", string.Join(", ", missing));
    }

    [Theory]
    [InlineData("3", 3.0)]
    [InlineData("3.", 3.0)]
    [InlineData(".5", 0.5)]
    [InlineData("1e-05", 1e-05)]
    [InlineData("2.5E+3", 2500.0)]
    public void Lexer_NumberLiteral_HasItsValue(string text, double value)
    {
        var token = Assert.Single(Lex(text, out _), t => t.Kind == SyntaxKind.NumberToken);

        Assert.Equal(value, (double)token.Value!);
    }

    [Fact]
    public void Lexer_Comments_AreSkipped()
    {
        var tokens = Lex("// line comment\nx /* block\ncomment */ $1;", out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal([SyntaxKind.IdentifierToken, SyntaxKind.HardwareQubitToken, SyntaxKind.SemicolonToken, SyntaxKind.EndOfFileToken], tokens.Select(t => t.Kind));
    }

    [Theory]
    [InlineData("/* never closed", "unterminated comment")]
    [InlineData("include \"stdgates.inc;", "unterminated string")]
    [InlineData("$99999999999", "invalid physical qubit")]
    [InlineData("x ? y", "unexpected character '?'")]
    public void Lexer_MalformedText_ReportsDiagnostic(string text, string message)
    {
        Lex(text, out var diagnostics);

        Assert.Contains(message, Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void Lexer_PhysicalQubits_KeepTheirTextAndIndex_LeadingZerosAndLargeIndicesIncluded()
    {
        var tokens = Lex("$0 $7 $07 $00 $1023 $1024 $7 $2147483647", out var diagnostics);

        Assert.Empty(diagnostics);
        var qubits = tokens.Where(t => t.Kind == SyntaxKind.HardwareQubitToken).ToArray();
        Assert.Equal(["$0", "$7", "$07", "$00", "$1023", "$1024", "$7", "$2147483647"], qubits.Select(t => t.Text));
        Assert.Equal([0, 7, 7, 0, 1023, 1024, 7, int.MaxValue], qubits.Select(t => (int)t.Value!));
        // A repeated name is one string (names are shared, not allocated per token).
        Assert.Same(qubits[1].Text, qubits[6].Text);
    }

    [Theory]
    [InlineData("$")]
    [InlineData("$2147483648")]
    [InlineData("$99999999999999999999999999")]
    public void Lexer_PhysicalQubit_WithoutDigitsOrPastTheIntRange_IsReported(string text)
    {
        var token = Lex(text, out var diagnostics)[0];

        Assert.Contains("invalid physical qubit", Assert.Single(diagnostics).Message);
        Assert.Equal(SyntaxKind.HardwareQubitToken, token.Kind);
        Assert.Equal(text, token.Text);
    }

    [Fact]
    public void Lexer_NamesThatShareACacheSlot_KeepTheirOwnTextAndKind()
    {
        // "gate" and "gxte" have the same length and first and last characters, so they meet in the lexer's cache of
        // recent names; each must still come out as itself, keyword or not, however they alternate.
        var tokens = Lex("gate gxte gate gxte gxte gate", out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(["gate", "gxte", "gate", "gxte", "gxte", "gate"], tokens.SkipLast(1).Select(t => t.Text));
        Assert.Equal(
            [SyntaxKind.GateKeyword, SyntaxKind.IdentifierToken, SyntaxKind.GateKeyword, SyntaxKind.IdentifierToken, SyntaxKind.IdentifierToken, SyntaxKind.GateKeyword],
            tokens.SkipLast(1).Select(t => t.Kind));
    }

    private static IReadOnlyList<SyntaxToken> Lex(string text, out List<Diagnostic> diagnostics)
    {
        var source = new SourceText(text);
        var bag = new DiagnosticBag(source);
        var tokens = new Lexer(source, bag).LexAll();
        diagnostics = [.. bag];
        return tokens;
    }
}
