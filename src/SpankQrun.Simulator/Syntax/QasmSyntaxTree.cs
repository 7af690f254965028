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
        var lexerDiagnostics = new DiagnosticBag(source);
        var parserDiagnostics = new DiagnosticBag(source);
        var statements = new Parser(new Lexer(source, lexerDiagnostics), parserDiagnostics).ParseProgram();
        return new QasmSyntaxTree(source, statements, Ordered(lexerDiagnostics, parserDiagnostics));
    }

    /// <summary>Lexer diagnostics first, then the parser's, ordered by position (stable) so the first one reported is the earliest.</summary>
    internal static IReadOnlyList<Diagnostic> Ordered(DiagnosticBag lexerDiagnostics, DiagnosticBag parserDiagnostics) =>
        lexerDiagnostics.Count + parserDiagnostics.Count == 0
            ? []
            : [.. lexerDiagnostics.Concat(parserDiagnostics).OrderBy(diagnostic => diagnostic.Span.Start)];
}
