namespace SpankQrun.Simulator.Syntax;

/// <summary>
/// Recursive-descent parser, one <c>ParseX</c> per production. On an error it reports, inserts the missing token
/// and goes on; it never throws, and every loop consumes a token or stops, so it always terminates. With a
/// <paramref name="pool"/>, the nodes of gate calls, operands and expressions are recycled: the caller recycles the pool
/// between statements and must not keep a node from one statement to the next.
/// </summary>
internal sealed partial class Parser(Lexer lexer, DiagnosticBag diagnostics, SyntaxNodePool? pool = null)
{
    private const int MaxExpressionDepth = 100;

    /// <summary>Tokens come from the lexer as the parser needs them; it looks at most one token ahead and one back.</summary>
    private SyntaxToken _current;
    private SyntaxToken _next;
    private SyntaxToken _previous;
    private bool _started;
    private bool _hasNext;

    /// <summary>How many tokens have been consumed (it stops growing at the end of the input).</summary>
    private int _position;
    private int _expressionDepth;
    private bool _reportedTooDeep;

    private SyntaxToken Current => Peek(0);

    public IReadOnlyList<StatementSyntax> ParseProgram()
    {
        var statements = new List<StatementSyntax>();
        while (ParseNextStatement() is { } statement)
        {
            statements.Add(statement);
        }

        return statements;
    }

    /// <summary>The next top-level statement, or null at the end of the input.</summary>
    public StatementSyntax? ParseNextStatement()
    {
        if (Current.Kind == SyntaxKind.EndOfFileToken)
        {
            return null;
        }

        var start = _position;
        var statement = ParseStatement(insideGate: false);
        if (_position == start)
        {
            NextToken();
        }

        return statement;
    }

    private SyntaxToken Peek(int offset)
    {
        if (!_started)
        {
            _current = LexSignificant();
            _started = true;
        }

        if (offset == 0)
        {
            return _current;
        }

        if (!_hasNext)
        {
            _next = _current.Kind == SyntaxKind.EndOfFileToken ? _current : LexSignificant();
            _hasNext = true;
        }

        return _next;
    }

    private SyntaxToken NextToken()
    {
        var current = Current;
        if (current.Kind != SyntaxKind.EndOfFileToken)
        {
            _previous = current;
            _current = _hasNext ? _next : LexSignificant();
            _hasNext = false;
            _position++;
        }

        return current;
    }

    /// <summary>The next token that is not a bad character (the lexer has reported those).</summary>
    private SyntaxToken LexSignificant()
    {
        SyntaxToken token;
        do
        {
            token = lexer.Lex();
        }
        while (token.Kind == SyntaxKind.BadToken);

        return token;
    }

    private SyntaxToken MatchToken(SyntaxKind kind)
    {
        if (Current.Kind == kind)
        {
            return NextToken();
        }

        // A missing ';' belongs right after the previous token, where it should be inserted, not at the next line.
        var position = kind == SyntaxKind.SemicolonToken && _position > 0 ? _previous.Span.End : Current.Position;
        diagnostics.ReportUnexpectedToken(new TextSpan(position, 0), Current.Kind, kind);
        return new SyntaxToken(kind, position, "");
    }

    private TextSpan SpanFrom(SyntaxToken first)
    {
        var last = _position > 0 ? _previous : first;
        return TextSpan.FromBounds(first.Position, Math.Max(first.Span.End, last.Span.End));
    }

    private StatementSyntax ParseStatement(bool insideGate)
    {
        var current = Current;
        switch (current.Kind)
        {
            case SyntaxKind.OpenQasmKeyword:
                return ParseVersionStatement();
            case SyntaxKind.IncludeKeyword:
                return ParseIncludeStatement();
            case SyntaxKind.QubitKeyword or SyntaxKind.QregKeyword:
                return ParseQubitDeclaration();
            case SyntaxKind.BitKeyword or SyntaxKind.CregKeyword:
                return ParseBitDeclaration();
            case SyntaxKind.InputKeyword:
                return ParseInputDeclaration();
            case SyntaxKind.GateKeyword when insideGate:
                diagnostics.ReportGateDefinitionNotAtTopLevel(current.Span);
                return SkipStatement(current);
            case SyntaxKind.GateKeyword:
                return ParseGateDefinition();
            case SyntaxKind.MeasureKeyword:
                return ParseMeasureArrowStatement();
            case SyntaxKind.ResetKeyword:
                return ParseResetStatement();
            case SyntaxKind.BarrierKeyword:
                return ParseBarrierStatement();
            case SyntaxKind.IdentifierToken when SyntaxFacts.IsUnsupportedStatementWord(current.Text):
                diagnostics.ReportUnsupportedStatement(current.Span, current.Text);
                return SkipStatement(current);
            case SyntaxKind.IdentifierToken when Peek(1).Kind is SyntaxKind.OpenBracketToken or SyntaxKind.EqualsToken:
                return ParseMeasureAssignmentStatement();
            case SyntaxKind.IdentifierToken:
                return ParseGateCall();
            case SyntaxKind.HashToken or SyntaxKind.AtToken:
                diagnostics.ReportUnsupportedStatement(current.Span, current.Text + Peek(1).Text);
                return SkipStatement(current);
            case SyntaxKind.CloseBraceToken:
                diagnostics.ReportExpectedStatement(current.Span, current.Text);
                return new SkippedStatementSyntax(current.Span);
            default:
                diagnostics.ReportExpectedStatement(current.Span, current.Kind == SyntaxKind.EndOfFileToken ? "end of input" : current.Text);
                return SkipStatement(current);
        }
    }

    /// <summary>Skips to the end of the statement: past its ';' or its braced block, or up to an enclosing '}'.</summary>
    private SkippedStatementSyntax SkipStatement(SyntaxToken first)
    {
        var depth = 0;
        while (Current.Kind != SyntaxKind.EndOfFileToken)
        {
            var kind = Current.Kind;
            if (depth == 0 && kind == SyntaxKind.CloseBraceToken)
            {
                break;
            }

            NextToken();
            if (kind == SyntaxKind.OpenBraceToken)
            {
                depth++;
            }
            else if (kind == SyntaxKind.CloseBraceToken && --depth == 0)
            {
                break;
            }
            else if (kind == SyntaxKind.SemicolonToken && depth == 0)
            {
                break;
            }
        }

        return new SkippedStatementSyntax(SpanFrom(first));
    }

    private VersionStatementSyntax ParseVersionStatement()
    {
        var keyword = NextToken();
        var version = MatchToken(SyntaxKind.NumberToken);
        MatchToken(SyntaxKind.SemicolonToken);
        return new VersionStatementSyntax(SpanFrom(keyword), version);
    }

    private IncludeStatementSyntax ParseIncludeStatement()
    {
        var keyword = NextToken();
        var file = MatchToken(SyntaxKind.StringToken);
        MatchToken(SyntaxKind.SemicolonToken);
        return new IncludeStatementSyntax(SpanFrom(keyword), file);
    }

    private QubitDeclarationSyntax ParseQubitDeclaration()
    {
        var keyword = NextToken();
        var (size, identifier) = ParseRegisterShape(oldStyle: keyword.Kind == SyntaxKind.QregKeyword);
        MatchToken(SyntaxKind.SemicolonToken);
        return new QubitDeclarationSyntax(SpanFrom(keyword), size, identifier);
    }

    private StatementSyntax ParseBitDeclaration()
    {
        var keyword = NextToken();
        var (size, identifier) = ParseRegisterShape(oldStyle: keyword.Kind == SyntaxKind.CregKeyword);
        if (Current.Kind == SyntaxKind.EqualsToken)
        {
            diagnostics.ReportUnsupportedAssignment(Current.Span);
            return SkipStatement(keyword);
        }

        MatchToken(SyntaxKind.SemicolonToken);
        return new BitDeclarationSyntax(SpanFrom(keyword), size, identifier);
    }

    /// <summary><c>[n] name</c> (OpenQASM 3) or <c>name[n]</c> (<c>qreg</c>/<c>creg</c>); the size is optional.</summary>
    private (ExpressionSyntax? Size, SyntaxToken Identifier) ParseRegisterShape(bool oldStyle)
    {
        ExpressionSyntax? size = null;
        if (!oldStyle)
        {
            size = ParseOptionalDesignator();
        }

        var identifier = MatchToken(SyntaxKind.IdentifierToken);
        if (oldStyle)
        {
            size = ParseOptionalDesignator();
        }

        return (size, identifier);
    }

    private ExpressionSyntax? ParseOptionalDesignator()
    {
        if (Current.Kind != SyntaxKind.OpenBracketToken)
        {
            return null;
        }

        NextToken();
        var size = ParseExpression();
        MatchToken(SyntaxKind.CloseBracketToken);
        return size;
    }

    private StatementSyntax ParseInputDeclaration()
    {
        var keyword = NextToken();
        if (Current.Kind is not (SyntaxKind.FloatKeyword or SyntaxKind.AngleKeyword))
        {
            diagnostics.ReportUnsupportedInputType(Current.Span, Current.Text);
            return SkipStatement(keyword);
        }

        NextToken();
        ParseOptionalDesignator();
        var identifier = MatchToken(SyntaxKind.IdentifierToken);
        MatchToken(SyntaxKind.SemicolonToken);
        return new InputDeclarationSyntax(SpanFrom(keyword), identifier);
    }

    private GateDefinitionSyntax ParseGateDefinition()
    {
        var keyword = NextToken();
        var identifier = MatchToken(SyntaxKind.IdentifierToken);
        var parameters = new List<SyntaxToken>();
        if (Current.Kind == SyntaxKind.OpenParenthesisToken)
        {
            NextToken();
            if (Current.Kind != SyntaxKind.CloseParenthesisToken)
            {
                parameters.AddRange(ParseIdentifierList());
            }

            MatchToken(SyntaxKind.CloseParenthesisToken);
        }

        var qubits = ParseIdentifierList();
        MatchToken(SyntaxKind.OpenBraceToken);
        var body = new List<StatementSyntax>();
        while (Current.Kind is not (SyntaxKind.CloseBraceToken or SyntaxKind.EndOfFileToken))
        {
            var start = _position;
            body.Add(ParseStatement(insideGate: true));
            if (_position == start)
            {
                NextToken();
            }
        }

        MatchToken(SyntaxKind.CloseBraceToken);
        return new GateDefinitionSyntax(SpanFrom(keyword), identifier, parameters, qubits, body);
    }

    private List<SyntaxToken> ParseIdentifierList()
    {
        var identifiers = new List<SyntaxToken> { MatchToken(SyntaxKind.IdentifierToken) };
        while (Current.Kind == SyntaxKind.CommaToken)
        {
            NextToken();
            identifiers.Add(MatchToken(SyntaxKind.IdentifierToken));
        }

        return identifiers;
    }
}
