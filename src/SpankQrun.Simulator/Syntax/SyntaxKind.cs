namespace SpankQrun.Simulator.Syntax;

internal enum SyntaxKind
{
    // Special tokens.
    BadToken,
    EndOfFileToken,

    // Tokens with a value.
    IdentifierToken,
    NumberToken,
    HardwareQubitToken,
    StringToken,

    // Punctuation and operators.
    SemicolonToken,
    CommaToken,
    OpenParenthesisToken,
    CloseParenthesisToken,
    OpenBracketToken,
    CloseBracketToken,
    OpenBraceToken,
    CloseBraceToken,
    PlusToken,
    MinusToken,
    StarToken,
    StarStarToken,
    SlashToken,
    PercentToken,
    EqualsToken,
    ArrowToken,
    AtToken,
    ColonToken,
    HashToken,

    // Keywords.
    OpenQasmKeyword,
    IncludeKeyword,
    QubitKeyword,
    QregKeyword,
    BitKeyword,
    CregKeyword,
    InputKeyword,
    FloatKeyword,
    AngleKeyword,
    GateKeyword,
    MeasureKeyword,
    ResetKeyword,
    BarrierKeyword,
}
