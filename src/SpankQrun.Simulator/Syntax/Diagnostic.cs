namespace SpankQrun.Simulator.Syntax;

/// <summary>A problem in the QASM text, located by 1-based line and column.</summary>
internal sealed record Diagnostic(TextSpan Span, int Line, int Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
