namespace SpankQrun.Simulator.Syntax;

/// <summary>The nodes a <see cref="SyntaxNodePool"/> recycles: new ones without a pool, recycled ones with it.</summary>
internal sealed partial class Parser
{
    private GateCallSyntax GateCall(TextSpan span, SyntaxToken identifier, IReadOnlyList<ExpressionSyntax> arguments, IReadOnlyList<OperandSyntax> operands) =>
        pool is null ? new(span, identifier, arguments, operands)
            : pool.GateCalls.Take()?.Refill(span, identifier, arguments, operands) ?? pool.GateCalls.Keep(new(span, identifier, arguments, operands));

    private PhysicalQubitOperandSyntax PhysicalQubit(TextSpan span, SyntaxToken qubit) =>
        pool is null ? new(span, qubit) : pool.PhysicalQubits.Take()?.Refill(span, qubit) ?? pool.PhysicalQubits.Keep(new(span, qubit));

    private NamedOperandSyntax NamedOperand(TextSpan span, SyntaxToken identifier, ExpressionSyntax? index) =>
        pool is null ? new(span, identifier, index)
            : pool.NamedOperands.Take()?.Refill(span, identifier, index) ?? pool.NamedOperands.Keep(new(span, identifier, index));

    private NumberExpressionSyntax Number(TextSpan span, SyntaxToken number) =>
        pool is null ? new(span, number) : pool.Numbers.Take()?.Refill(span, number) ?? pool.Numbers.Keep(new(span, number));

    private NameExpressionSyntax Name(TextSpan span, SyntaxToken identifier) =>
        pool is null ? new(span, identifier) : pool.Names.Take()?.Refill(span, identifier) ?? pool.Names.Keep(new(span, identifier));

    private UnaryExpressionSyntax Unary(TextSpan span, SyntaxToken @operator, ExpressionSyntax operand) =>
        pool is null ? new(span, @operator, operand)
            : pool.Unaries.Take()?.Refill(span, @operator, operand) ?? pool.Unaries.Keep(new(span, @operator, operand));

    private BinaryExpressionSyntax Binary(TextSpan span, ExpressionSyntax left, SyntaxToken @operator, ExpressionSyntax right) =>
        pool is null ? new(span, left, @operator, right)
            : pool.Binaries.Take()?.Refill(span, left, @operator, right) ?? pool.Binaries.Keep(new(span, left, @operator, right));

    private ParenthesizedExpressionSyntax Parenthesized(TextSpan span, ExpressionSyntax expression) =>
        pool is null ? new(span, expression)
            : pool.Parentheses.Take()?.Refill(span, expression) ?? pool.Parentheses.Keep(new(span, expression));

    /// <summary>An operand list: exact-size arrays of one or two without a pool, a recycled list with it.</summary>
    private IReadOnlyList<OperandSyntax> Operands(OperandSyntax first, OperandSyntax? second)
    {
        if (pool is null)
        {
            return second is null ? [first] : [first, second];
        }

        var list = SyntaxNodePool.TakeList(pool.OperandLists);
        list.Add(first);
        if (second is not null)
        {
            list.Add(second);
        }

        return list;
    }

    private List<OperandSyntax> OperandList() => pool is null ? [] : SyntaxNodePool.TakeList(pool.OperandLists);

    private IReadOnlyList<ExpressionSyntax> Expressions(ExpressionSyntax single)
    {
        if (pool is null)
        {
            return [single];
        }

        var list = SyntaxNodePool.TakeList(pool.ExpressionLists);
        list.Add(single);
        return list;
    }

    private List<ExpressionSyntax> ExpressionList() => pool is null ? [] : SyntaxNodePool.TakeList(pool.ExpressionLists);
}
