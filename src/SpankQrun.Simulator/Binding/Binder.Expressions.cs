using SpankQrun.Simulator.Syntax;

namespace SpankQrun.Simulator.Binding;

internal sealed partial class Binder
{
    private static readonly Dictionary<string, double> Constants = new(StringComparer.Ordinal)
    {
        ["pi"] = Math.PI,
        ["π"] = Math.PI,
        ["tau"] = Math.Tau,
        ["τ"] = Math.Tau,
        ["euler"] = Math.E,
        ["ℇ"] = Math.E,
    };

    private static readonly Dictionary<string, Func<double, double>> Functions = new(StringComparer.Ordinal)
    {
        ["sin"] = Math.Sin,
        ["cos"] = Math.Cos,
        ["tan"] = Math.Tan,
        ["arcsin"] = Math.Asin,
        ["arccos"] = Math.Acos,
        ["arctan"] = Math.Atan,
        ["exp"] = Math.Exp,
        ["ln"] = Math.Log,
        ["sqrt"] = Math.Sqrt,
    };

    private long? BindConstantInteger(ExpressionSyntax syntax, string what)
    {
        var errors = _diagnostics.Count;
        var bound = BindExpression(syntax, constantOnly: true);
        if (_diagnostics.Count != errors)
        {
            return null;
        }

        var value = bound.Evaluate([], []);
        if (!bound.IsConstant || value < 0 || value > int.MaxValue || value != Math.Floor(value))
        {
            _diagnostics.ReportExpectedConstantInteger(syntax.Span, what);
            return null;
        }

        return (long)value;
    }

    private BoundExpression BindExpression(ExpressionSyntax syntax, bool constantOnly) => syntax switch
    {
        NumberExpressionSyntax number => new BoundConstant(number.Number.Number),
        ParenthesizedExpressionSyntax parenthesized => BindExpression(parenthesized.Expression, constantOnly),
        NameExpressionSyntax name => BindName(name.Identifier, constantOnly),
        UnaryExpressionSyntax unary => BindUnary(unary, constantOnly),
        BinaryExpressionSyntax binary => BindBinary(binary, constantOnly),
        CallExpressionSyntax call => BindCall(call, constantOnly),
        _ => new BoundConstant(0),
    };

    private BoundExpression BindName(SyntaxToken identifier, bool constantOnly)
    {
        var name = identifier.Text;
        if (Constants.TryGetValue(name, out var constant))
        {
            return new BoundConstant(constant);
        }

        if (!constantOnly && _gateScope is not null && _gateScope.Parameters.TryGetValue(name, out var local))
        {
            return new BoundGateParameter(local);
        }

        if (!constantOnly && _gateScope is null && _inputs.TryGetValue(name, out var input))
        {
            return new BoundInputParameter(input);
        }

        _diagnostics.ReportUnknownName(identifier.Span, name);
        return new BoundConstant(0);
    }

    private BoundExpression BindUnary(UnaryExpressionSyntax unary, bool constantOnly)
    {
        var operand = BindExpression(unary.Operand, constantOnly);
        return unary.Operator.Kind == SyntaxKind.MinusToken ? Fold(new BoundUnaryExpression(value => -value, operand)) : operand;
    }

    private BoundExpression BindBinary(BinaryExpressionSyntax binary, bool constantOnly)
    {
        var left = BindExpression(binary.Left, constantOnly);
        var right = BindExpression(binary.Right, constantOnly);
        Func<double, double, double> operation = binary.Operator.Kind switch
        {
            SyntaxKind.PlusToken => static (a, b) => a + b,
            SyntaxKind.MinusToken => static (a, b) => a - b,
            SyntaxKind.StarToken => static (a, b) => a * b,
            SyntaxKind.SlashToken => static (a, b) => a / b,
            SyntaxKind.PercentToken => static (a, b) => a % b,
            _ => Math.Pow,
        };
        return Fold(new BoundBinaryExpression(operation, left, right));
    }

    private BoundExpression BindCall(CallExpressionSyntax call, bool constantOnly)
    {
        var name = call.Identifier.Text;
        if (!Functions.TryGetValue(name, out var function))
        {
            _diagnostics.ReportUnknownFunction(call.Identifier.Span, name);
            return new BoundConstant(0);
        }

        if (call.Arguments.Count != 1)
        {
            _diagnostics.ReportWrongArgumentCount(call.Identifier.Span, name, call.Arguments.Count);
            return new BoundConstant(0);
        }

        return Fold(new BoundUnaryExpression(function, BindExpression(call.Arguments[0], constantOnly)));
    }

    private static BoundExpression Fold(BoundExpression expression) =>
        expression.IsConstant ? new BoundConstant(expression.Evaluate([], [])) : expression;
}
