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
        var bound = Fold(syntax, constantOnly: true);
        if (_diagnostics.Count != errors)
        {
            return null;
        }

        var value = bound.Value;
        if (bound.Node is not null || value < 0 || value > int.MaxValue || value != Math.Floor(value))
        {
            _diagnostics.ReportExpectedConstantInteger(syntax.Span, what);
            return null;
        }

        return (long)value;
    }

    private BoundExpression BindExpression(ExpressionSyntax syntax, bool constantOnly) => Fold(syntax, constantOnly).ToNode();

    /// <summary>Binds an expression, folding constant parts as it goes: a constant needs no node until a parameter meets it.</summary>
    private Folded Fold(ExpressionSyntax syntax, bool constantOnly) => syntax switch
    {
        NumberExpressionSyntax number => new(number.Number.Number),
        ParenthesizedExpressionSyntax parenthesized => Fold(parenthesized.Expression, constantOnly),
        NameExpressionSyntax name => BindName(name.Identifier, constantOnly),
        UnaryExpressionSyntax unary => BindUnary(unary, constantOnly),
        BinaryExpressionSyntax binary => BindBinary(binary, constantOnly),
        CallExpressionSyntax call => BindCall(call, constantOnly),
        _ => new(0),
    };

    private Folded BindName(SyntaxToken identifier, bool constantOnly)
    {
        var name = identifier.Text;
        if (Constants.TryGetValue(name, out var constant))
        {
            return new(constant);
        }

        if (!constantOnly && _gateScope is not null && _gateScope.Parameters.TryGetValue(name, out var local))
        {
            return new(0, new BoundGateParameter(local));
        }

        if (!constantOnly && _gateScope is null && _inputs.TryGetValue(name, out var input))
        {
            return new(0, _inputNodes[input]);
        }

        _diagnostics.ReportUnknownName(identifier.Span, name);
        return new(0);
    }

    private Folded BindUnary(UnaryExpressionSyntax unary, bool constantOnly)
    {
        var operand = Fold(unary.Operand, constantOnly);
        if (unary.Operator.Kind != SyntaxKind.MinusToken)
        {
            return operand;
        }

        Func<double, double> negate = static value => -value;
        return operand.Node is null ? new(negate(operand.Value)) : new(0, new BoundUnaryExpression(negate, operand.Node));
    }

    private Folded BindBinary(BinaryExpressionSyntax binary, bool constantOnly)
    {
        var left = Fold(binary.Left, constantOnly);
        var right = Fold(binary.Right, constantOnly);
        Func<double, double, double> operation = binary.Operator.Kind switch
        {
            SyntaxKind.PlusToken => static (a, b) => a + b,
            SyntaxKind.MinusToken => static (a, b) => a - b,
            SyntaxKind.StarToken => static (a, b) => a * b,
            SyntaxKind.SlashToken => static (a, b) => a / b,
            SyntaxKind.PercentToken => static (a, b) => a % b,
            _ => Math.Pow,
        };
        return left.Node is null && right.Node is null
            ? new(operation(left.Value, right.Value))
            : new(0, new BoundBinaryExpression(operation, left.ToNode(), right.ToNode()));
    }

    private Folded BindCall(CallExpressionSyntax call, bool constantOnly)
    {
        var name = call.Identifier.Text;
        if (!Functions.TryGetValue(name, out var function))
        {
            _diagnostics.ReportUnknownFunction(call.Identifier.Span, name);
            return new(0);
        }

        if (call.Arguments.Count != 1)
        {
            _diagnostics.ReportWrongArgumentCount(call.Identifier.Span, name, call.Arguments.Count);
            return new(0);
        }

        var argument = Fold(call.Arguments[0], constantOnly);
        return argument.Node is null ? new(function(argument.Value)) : new(0, new BoundUnaryExpression(function, argument.Node));
    }

    /// <summary>A bound expression: its <see cref="Value"/> when constant (<see cref="Node"/> null), else its node.</summary>
    private readonly record struct Folded(double Value, BoundExpression? Node = null)
    {
        public BoundExpression ToNode() => Node ?? new BoundConstant(Value);
    }
}
