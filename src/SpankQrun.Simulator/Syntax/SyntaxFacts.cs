namespace SpankQrun.Simulator.Syntax;

internal static class SyntaxFacts
{
    /// <summary>Words that start OpenQASM 3 statements this simulator does not run; they are reported, never guessed at.</summary>
    private static readonly HashSet<string> UnsupportedStatementWords =
    [
        "if", "else", "for", "while", "def", "defcal", "defcalgrammar", "cal", "const", "let", "box", "delay",
        "switch", "case", "default", "return", "break", "continue", "end", "extern", "output", "ctrl", "negctrl",
        "inv", "pow", "duration", "stretch", "int", "uint", "bool", "complex", "array", "opaque", "durationof",
        "pragma", "readonly", "mutable", "void", "in",
    ];

    public static bool IsUnsupportedStatementWord(string text) => UnsupportedStatementWords.Contains(text);

    public static SyntaxKind GetKeywordKind(string text) => text switch
    {
        "OPENQASM" => SyntaxKind.OpenQasmKeyword,
        "include" => SyntaxKind.IncludeKeyword,
        "qubit" => SyntaxKind.QubitKeyword,
        "qreg" => SyntaxKind.QregKeyword,
        "bit" => SyntaxKind.BitKeyword,
        "creg" => SyntaxKind.CregKeyword,
        "input" => SyntaxKind.InputKeyword,
        "float" => SyntaxKind.FloatKeyword,
        "angle" => SyntaxKind.AngleKeyword,
        "gate" => SyntaxKind.GateKeyword,
        "measure" => SyntaxKind.MeasureKeyword,
        "reset" => SyntaxKind.ResetKeyword,
        "barrier" => SyntaxKind.BarrierKeyword,
        _ => SyntaxKind.IdentifierToken,
    };

    public static int GetUnaryOperatorPrecedence(SyntaxKind kind) => kind switch
    {
        SyntaxKind.PlusToken or SyntaxKind.MinusToken => 3,
        _ => 0,
    };

    public static int GetBinaryOperatorPrecedence(SyntaxKind kind) => kind switch
    {
        SyntaxKind.StarStarToken => 4,
        SyntaxKind.StarToken or SyntaxKind.SlashToken or SyntaxKind.PercentToken => 2,
        SyntaxKind.PlusToken or SyntaxKind.MinusToken => 1,
        _ => 0,
    };

    public static bool IsRightAssociative(SyntaxKind kind) => kind == SyntaxKind.StarStarToken;

    public static string? GetText(SyntaxKind kind) => kind switch
    {
        SyntaxKind.SemicolonToken => ";",
        SyntaxKind.CommaToken => ",",
        SyntaxKind.OpenParenthesisToken => "(",
        SyntaxKind.CloseParenthesisToken => ")",
        SyntaxKind.OpenBracketToken => "[",
        SyntaxKind.CloseBracketToken => "]",
        SyntaxKind.OpenBraceToken => "{",
        SyntaxKind.CloseBraceToken => "}",
        SyntaxKind.PlusToken => "+",
        SyntaxKind.MinusToken => "-",
        SyntaxKind.StarToken => "*",
        SyntaxKind.StarStarToken => "**",
        SyntaxKind.SlashToken => "/",
        SyntaxKind.PercentToken => "%",
        SyntaxKind.EqualsToken => "=",
        SyntaxKind.ArrowToken => "->",
        SyntaxKind.AtToken => "@",
        SyntaxKind.ColonToken => ":",
        SyntaxKind.HashToken => "#",
        SyntaxKind.OpenQasmKeyword => "OPENQASM",
        SyntaxKind.IncludeKeyword => "include",
        SyntaxKind.QubitKeyword => "qubit",
        SyntaxKind.QregKeyword => "qreg",
        SyntaxKind.BitKeyword => "bit",
        SyntaxKind.CregKeyword => "creg",
        SyntaxKind.InputKeyword => "input",
        SyntaxKind.FloatKeyword => "float",
        SyntaxKind.AngleKeyword => "angle",
        SyntaxKind.GateKeyword => "gate",
        SyntaxKind.MeasureKeyword => "measure",
        SyntaxKind.ResetKeyword => "reset",
        SyntaxKind.BarrierKeyword => "barrier",
        _ => null,
    };

    public static string Describe(SyntaxKind kind) => kind switch
    {
        SyntaxKind.EndOfFileToken => "end of input",
        SyntaxKind.IdentifierToken => "a name",
        SyntaxKind.NumberToken => "a number",
        SyntaxKind.HardwareQubitToken => "a physical qubit",
        SyntaxKind.StringToken => "a string",
        SyntaxKind.BadToken => "an invalid token",
        _ => GetText(kind) is { } text ? $"'{text}'" : kind.ToString(),
    };
}
