namespace SpankQrun.Simulator.Syntax;

internal sealed partial class Parser
{
    /// <summary>One or more expressions; a single one is an exact-size array.</summary>
    private IReadOnlyList<ExpressionSyntax> ParseExpressionList()
    {
        var first = ParseExpression();
        if (Current.Kind != SyntaxKind.CommaToken)
        {
            return [first];
        }

        var expressions = new List<ExpressionSyntax> { first };
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
                left = new UnaryExpressionSyntax(TextSpan.FromBounds(operatorToken.Position, operand.Span.End), operatorToken, operand);
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
                left = new BinaryExpressionSyntax(TextSpan.FromBounds(left.Span.Start, right.Span.End), left, operatorToken, right);
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
                return new NumberExpressionSyntax(first.Span, first);
            case SyntaxKind.OpenParenthesisToken:
                NextToken();
                var expression = ParseExpression();
                MatchToken(SyntaxKind.CloseParenthesisToken);
                return new ParenthesizedExpressionSyntax(SpanFrom(first), expression);
            case SyntaxKind.IdentifierToken when Peek(1).Kind == SyntaxKind.OpenParenthesisToken:
                NextToken();
                NextToken();
                var arguments = Current.Kind == SyntaxKind.CloseParenthesisToken ? [] : ParseExpressionList();
                MatchToken(SyntaxKind.CloseParenthesisToken);
                return new CallExpressionSyntax(SpanFrom(first), first, arguments);
            case SyntaxKind.IdentifierToken:
                NextToken();
                return new NameExpressionSyntax(first.Span, first);
            default:
                diagnostics.ReportExpectedExpression(first.Span, first.Kind);
                return MissingExpression();
        }
    }

    private NumberExpressionSyntax MissingExpression()
    {
        var missing = new SyntaxToken(SyntaxKind.NumberToken, Current.Position, "", 0.0);
        return new NumberExpressionSyntax(new TextSpan(Current.Position, 0), missing);
    }
}
