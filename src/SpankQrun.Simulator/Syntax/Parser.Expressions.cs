namespace SpankQrun.Simulator.Syntax;

internal sealed partial class Parser
{
    /// <summary>One or more expressions; a single one is an exact-size array.</summary>
    private IReadOnlyList<ExpressionSyntax> ParseExpressionList()
    {
        var first = ParseExpression();
        if (Current.Kind != SyntaxKind.CommaToken)
        {
            return Expressions(first);
        }

        var expressions = ExpressionList();
        expressions.Add(first);
        while (Current.Kind == SyntaxKind.CommaToken)
        {
            NextToken();
            expressions.Add(ParseExpression());
        }

        return expressions;
    }

    private ExpressionSyntax ParseExpression() => ParseBinaryExpression(0);

    private ExpressionSyntax ParseBinaryExpression(int parentPrecedence)
    {
        if (_expressionDepth >= MaxExpressionDepth)
        {
            if (!_reportedTooDeep)
            {
                diagnostics.ReportExpressionTooDeep(Current.Span, MaxExpressionDepth);
                _reportedTooDeep = true;
            }

            return MissingExpression();
        }

        _expressionDepth++;
        try
        {
            ExpressionSyntax left;
            var unaryPrecedence = SyntaxFacts.GetUnaryOperatorPrecedence(Current.Kind);
            if (unaryPrecedence != 0 && unaryPrecedence >= parentPrecedence)
            {
                var operatorToken = NextToken();
                var operand = ParseBinaryExpression(unaryPrecedence);
                left = Unary(TextSpan.FromBounds(operatorToken.Position, operand.Span.End), operatorToken, operand);
            }
            else
            {
                left = ParsePrimaryExpression();
            }

            while (true)
            {
                var kind = Current.Kind;
                var precedence = SyntaxFacts.GetBinaryOperatorPrecedence(kind);
                if (precedence == 0 || precedence < parentPrecedence
                    || (precedence == parentPrecedence && !SyntaxFacts.IsRightAssociative(kind)))
                {
                    break;
                }

                var operatorToken = NextToken();
                var right = ParseBinaryExpression(precedence);
                left = Binary(TextSpan.FromBounds(left.Span.Start, right.Span.End), left, operatorToken, right);
            }

            return left;
        }
        finally
        {
            _expressionDepth--;
        }
    }

    private ExpressionSyntax ParsePrimaryExpression()
    {
        var first = Current;
        switch (first.Kind)
        {
            case SyntaxKind.NumberToken:
                NextToken();
                return Number(first.Span, first);
            case SyntaxKind.OpenParenthesisToken:
                NextToken();
                var expression = ParseExpression();
                MatchToken(SyntaxKind.CloseParenthesisToken);
                return Parenthesized(SpanFrom(first), expression);
            case SyntaxKind.IdentifierToken when Peek(1).Kind == SyntaxKind.OpenParenthesisToken:
                NextToken();
                NextToken();
                var arguments = Current.Kind == SyntaxKind.CloseParenthesisToken ? [] : ParseExpressionList();
                MatchToken(SyntaxKind.CloseParenthesisToken);
                return new CallExpressionSyntax(SpanFrom(first), first, arguments);
            case SyntaxKind.IdentifierToken:
                NextToken();
                return Name(first.Span, first);
            default:
                diagnostics.ReportExpectedExpression(first.Span, first.Kind);
                return MissingExpression();
        }
    }

    private NumberExpressionSyntax MissingExpression()
    {
        var missing = new SyntaxToken(SyntaxKind.NumberToken, Current.Position, "", 0.0);
        return Number(new TextSpan(Current.Position, 0), missing);
    }
}
