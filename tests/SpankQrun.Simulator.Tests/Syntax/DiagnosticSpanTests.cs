using SpankQrun.Simulator.Binding;
using SpankQrun.Simulator.Syntax;

namespace SpankQrun.Simulator.Tests.Syntax;

/// <summary>Where each diagnostic points. The marked text avoids QASM's own brackets, which the annotation uses.</summary>
public sealed class DiagnosticSpanTests
{
    [Theory]
    [InlineData("h $0[]\nx $1;", "expected ';', found a name")]
    [InlineData("[if] (c) { x $0; }", "unsupported statement 'if'")]
    [InlineData("[ctrl] @ x $0, $1;", "unsupported statement 'ctrl'")]
    [InlineData("x $0; [?] x $1;", "unexpected character '?'")]
    [InlineData("rz(1 + [)] $0;", "expected an expression, found ')'")]
    [InlineData("include \"stdgates.inc\";\n[foo] $0;", "unknown gate 'foo'")]
    [InlineData("include \"stdgates.inc\";\nrz([theta]) $0;", "unknown name 'theta'")]
    [InlineData("include \"stdgates.inc\";\nrx(1) $0;\nh [$100001];", "beyond the largest supported index")]
    [InlineData("include [\"qelib1.inc\"];", "unsupported include")]
    [InlineData("include \"stdgates.inc\";\ngate g a { x a; [measure a;] }", "measure is not allowed inside a gate definition")]
    public void Diagnostic_ForMarkedProblem_CoversTheMarkedSpan(string annotated, string message)
    {
        var text = AnnotatedText.Parse(annotated);
        var tree = QasmSyntaxTree.Parse(text.Text);
        var diagnostics = tree.Diagnostics.Count > 0 ? tree.Diagnostics : Binder.Bind(tree).Diagnostics;

        var diagnostic = diagnostics[0];
        Assert.Contains(message, diagnostic.Message);
        Assert.Equal(Assert.Single(text.Spans), diagnostic.Span);
    }
}
