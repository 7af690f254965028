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

    private static IReadOnlyList<SyntaxToken> Lex(string text, out List<Diagnostic> diagnostics)
    {
        var source = new SourceText(text);
        var bag = new DiagnosticBag(source);
        var tokens = new Lexer(source, bag).LexAll();
        diagnostics = [.. bag];
        return tokens;
    }
}
