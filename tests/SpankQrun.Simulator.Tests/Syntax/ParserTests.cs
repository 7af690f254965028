using SpankQrun.Simulator.Binding;
using SpankQrun.Simulator.Syntax;

namespace SpankQrun.Simulator.Tests.Syntax;

public sealed class ParserTests
{
    [Fact]
    public void Parser_MissingSemicolon_InsertsItAndParsesTheNextStatement()
    {
        var tree = QasmSyntaxTree.Parse("h $0\nx $1;");

        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal("line 1, column 5: expected ';', found a name", diagnostic.ToString());
        Assert.Equal(["h", "x"], tree.Statements.OfType<GateCallSyntax>().Select(call => call.Identifier.Text));
    }

    [Fact]
    public void Parser_MissingCloseParenthesis_InsertsItAndKeepsTheOperands()
    {
        var tree = QasmSyntaxTree.Parse("rz(pi/2 $0;");

        Assert.Contains("expected ')'", Assert.Single(tree.Diagnostics).Message);
        var call = Assert.Single(tree.Statements.OfType<GateCallSyntax>());
        Assert.Single(call.Operands);
    }

    [Fact]
    public void Parser_UnsupportedBlockStatement_SkipsTheWholeBlock()
    {
        var tree = QasmSyntaxTree.Parse("if (c) { x $0; y $1; }\nh $2;");

        Assert.Single(tree.Diagnostics);
        Assert.Equal("h", Assert.Single(tree.Statements.OfType<GateCallSyntax>()).Identifier.Text);
    }

    [Fact]
    public void Parser_UpstreamSamplerCircuit_ParsesWithoutDiagnostics()
    {
        var qasm = System.Text.Json.JsonDocument.Parse(UpstreamDemo.SamplerInput).RootElement.GetProperty("pubs")[0][0].GetString()!;

        var tree = QasmSyntaxTree.Parse(qasm);

        Assert.Empty(tree.Diagnostics);
        Assert.Equal(2, tree.Statements.OfType<GateDefinitionSyntax>().Count());
        Assert.Equal(7, tree.Statements.OfType<MeasureStatementSyntax>().Count());
    }

    [Fact]
    public void Parser_DeeplyNestedParentheses_ReportsDepthWithoutOverflowing()
    {
        var tree = QasmSyntaxTree.Parse("rz(" + new string('(', 100_000) + "1" + new string(')', 100_000) + ") $0;");

        Assert.Contains(tree.Diagnostics, diagnostic => diagnostic.Message.Contains("nested more than"));
    }

    [Fact]
    public void Parser_LongUnaryChain_ReportsDepthWithoutOverflowing()
    {
        var tree = QasmSyntaxTree.Parse("rz(" + new string('-', 100_000) + "1) $0;");

        Assert.NotEmpty(tree.Diagnostics);
    }

    [Fact]
    public void Parser_RandomBytes_NeverThrowsAndBinds()
    {
        var random = new Random(20261126);
        for (var iteration = 0; iteration < 3000; iteration++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            var text = System.Text.Encoding.UTF8.GetString(bytes);

            var tree = QasmSyntaxTree.Parse(text);
            Binder.Bind(tree);
        }
    }

    [Fact]
    public void Parser_RandomTokenSequences_NeverThrowAndBind()
    {
        string[] vocabulary =
        [
            "OPENQASM", "3.0", "include", "\"stdgates.inc\"", "qubit", "bit", "qreg", "creg", "input", "float", "angle", "gate",
            "measure", "reset", "barrier", "if", "ctrl", "@", "#", "x", "cx", "rz", "ecr", "q", "c", "a", "theta", "pi", "sin",
            "$0", "$1", "$99", "0", "2", "-1.5e3", ";", ",", "(", ")", "[", "]", "{", "}", "+", "-", "*", "**", "/", "%", "=",
            "->", ":", "\n", "//", "/*", "*/", "\"",
        ];
        var random = new Random(42);
        for (var iteration = 0; iteration < 5000; iteration++)
        {
            var words = Enumerable.Range(0, random.Next(0, 60)).Select(_ => vocabulary[random.Next(vocabulary.Length)]);
            var text = string.Join(random.Next(2) == 0 ? " " : "", words);

            var tree = QasmSyntaxTree.Parse(text);
            var (program, _) = Binder.Bind(tree);
            Assert.NotNull(program);
        }
    }

    [Fact]
    public void Parser_ValidPrefixesOfRealCircuit_NeverThrow()
    {
        var qasm = System.Text.Json.JsonDocument.Parse(UpstreamDemo.SamplerInput).RootElement.GetProperty("pubs")[0][0].GetString()!;

        for (var length = 0; length <= qasm.Length; length++)
        {
            Binder.Bind(QasmSyntaxTree.Parse(qasm[..length]));
        }
    }
}
