namespace SpankQrun.Simulator.Syntax;

internal sealed record PhysicalQubitOperandSyntax(TextSpan Span, SyntaxToken Qubit) : OperandSyntax(Span)
{
    public int Index => (int)Qubit.Number;
}
