namespace SpankQrun.Simulator.Syntax;

internal sealed partial class Parser
{
    private GateCallSyntax ParseGateCall()
    {
        var identifier = NextToken();
        IReadOnlyList<ExpressionSyntax> arguments = [];
        if (Current.Kind == SyntaxKind.OpenParenthesisToken)
        {
            NextToken();
            if (Current.Kind != SyntaxKind.CloseParenthesisToken)
            {
                arguments = ParseExpressionList();
            }

            MatchToken(SyntaxKind.CloseParenthesisToken);
        }

        var operands = Current.Kind == SyntaxKind.SemicolonToken ? [] : ParseOperandList();
        MatchToken(SyntaxKind.SemicolonToken);
        return GateCall(SpanFrom(identifier), identifier, arguments, operands);
    }

    private MeasureStatementSyntax ParseMeasureArrowStatement()
    {
        var keyword = NextToken();
        var source = ParseOperand();
        OperandSyntax? target = null;
        if (Current.Kind == SyntaxKind.ArrowToken)
        {
            NextToken();
            target = ParseOperand();
        }

        MatchToken(SyntaxKind.SemicolonToken);
        return new MeasureStatementSyntax(SpanFrom(keyword), source, target);
    }

    private StatementSyntax ParseMeasureAssignmentStatement()
    {
        var first = Current;
        var target = ParseOperand();
        MatchToken(SyntaxKind.EqualsToken);
        if (Current.Kind != SyntaxKind.MeasureKeyword)
        {
            diagnostics.ReportUnsupportedAssignment(first.Span);
            return SkipStatement(first);
        }

        NextToken();
        var source = ParseOperand();
        MatchToken(SyntaxKind.SemicolonToken);
        return new MeasureStatementSyntax(SpanFrom(first), source, target);
    }

    private ResetStatementSyntax ParseResetStatement()
    {
        var keyword = NextToken();
        var operands = ParseOperandList();
        MatchToken(SyntaxKind.SemicolonToken);
        return new ResetStatementSyntax(SpanFrom(keyword), operands);
    }

    private BarrierStatementSyntax ParseBarrierStatement()
    {
        var keyword = NextToken();
        var operands = Current.Kind == SyntaxKind.SemicolonToken ? [] : ParseOperandList();
        MatchToken(SyntaxKind.SemicolonToken);
        return new BarrierStatementSyntax(SpanFrom(keyword), operands);
    }

    /// <summary>One or more operands; the common one- and two-operand lists are exact-size arrays.</summary>
    private IReadOnlyList<OperandSyntax> ParseOperandList()
    {
        var first = ParseOperand();
        if (Current.Kind != SyntaxKind.CommaToken)
        {
            return Operands(first, null);
        }

        NextToken();
        var second = ParseOperand();
        if (Current.Kind != SyntaxKind.CommaToken)
        {
            return Operands(first, second);
        }

        var operands = OperandList();
        operands.Add(first);
        operands.Add(second);
        while (Current.Kind == SyntaxKind.CommaToken)
        {
            NextToken();
            operands.Add(ParseOperand());
        }

        return operands;
    }

    private OperandSyntax ParseOperand()
    {
        var first = Current;
        if (first.Kind == SyntaxKind.HardwareQubitToken)
        {
            NextToken();
            return PhysicalQubit(first.Span, first);
        }

        if (first.Kind != SyntaxKind.IdentifierToken)
        {
            diagnostics.ReportExpectedOperand(first.Span, first.Kind);
            return NamedOperand(new TextSpan(first.Position, 0), new SyntaxToken(SyntaxKind.IdentifierToken, first.Position, ""), null);
        }

        NextToken();
        var index = ParseOptionalDesignator();
        return NamedOperand(SpanFrom(first), first, index);
    }
}
