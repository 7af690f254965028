namespace SpankQrun.Simulator.Syntax;

/// <summary>The parsed program and every lexer and parser diagnostic.</summary>
internal sealed class QasmSyntaxTree
{
    private QasmSyntaxTree(SourceText text, IReadOnlyList<StatementSyntax> statements, IReadOnlyList<Diagnostic> diagnostics)
    {
        Text = text;
        Statements = statements;
        Diagnostics = diagnostics;
    }

    public SourceText Text { get; }

    public IReadOnlyList<StatementSyntax> Statements { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Parses any text; never throws and always terminates.</summary>
    public static QasmSyntaxTree Parse(string text)
    {
        var source = new SourceText(text);
        var diagnostics = new DiagnosticBag(source);
        var tokens = new Lexer(source, diagnostics).LexAll();
        var statements = new Parser(tokens, diagnostics).ParseProgram();
        // Lexer diagnostics are collected first; order everything by position so the first one reported is the earliest.
        return new QasmSyntaxTree(source, statements, [.. diagnostics.OrderBy(diagnostic => diagnostic.Span.Start)]);
    }
}
