namespace SpankQrun.Simulator.Syntax;

internal sealed record PhysicalQubitOperandSyntax : OperandSyntax
{
    public PhysicalQubitOperandSyntax(TextSpan span, SyntaxToken qubit)
        : base(span) => Qubit = qubit;

    public SyntaxToken Qubit { get; private set; }

    public int Index => (int)Qubit.Number;

    public PhysicalQubitOperandSyntax Refill(TextSpan span, SyntaxToken qubit)
    {
        (Span, Qubit) = (span, qubit);
        return this;
    }
}
