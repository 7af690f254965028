using SpankQrun.Primitives;

namespace SpankQrun.Simulator.Tests.Execution;

public sealed class QasmFailureTests
{
    [Theory]
    [InlineData("if (c[0] == 1) { x $0; }", 3, 1, "unsupported statement 'if'")]
    [InlineData("for uint i in [0:2] { x $0; }", 3, 1, "unsupported statement 'for'")]
    [InlineData("while (c[0] == 0) { x $0; }", 3, 1, "unsupported statement 'while'")]
    [InlineData("def f(qubit a) { x a; }", 3, 1, "unsupported statement 'def'")]
    [InlineData("ctrl @ x $0, $1;", 3, 1, "unsupported statement 'ctrl'")]
    [InlineData("inv @ s $0;", 3, 1, "unsupported statement 'inv'")]
    [InlineData("pow(2) @ x $0;", 3, 1, "unsupported statement 'pow'")]
    [InlineData("delay[100ns] $0;", 3, 1, "unsupported statement 'delay'")]
    [InlineData("box { x $0; }", 3, 1, "unsupported statement 'box'")]
    [InlineData("switch (c) { case 0 { x $0; } }", 3, 1, "unsupported statement 'switch'")]
    [InlineData("const int n = 3;", 3, 1, "unsupported statement 'const'")]
    [InlineData("int[32] n;", 3, 1, "unsupported statement 'int'")]
    [InlineData("#pragma simulator fast", 3, 1, "unsupported statement '#pragma'")]
    [InlineData("@bind x $0;", 3, 1, "unsupported statement '@bind'")]
    [InlineData("input int[32] n;", 3, 7, "unsupported input type 'int'")]
    [InlineData("c[0] = 1;", 3, 1, "unsupported classical assignment")]
    [InlineData("bit[2] c = \"01\";", 3, 10, "unsupported classical assignment")]
    [InlineData("include \"qelib1.inc\";", 3, 9, "unsupported include \"qelib1.inc\"")]
    [InlineData("foo $0;", 3, 1, "unknown gate 'foo'")]
    [InlineData("x q[0];", 3, 3, "unknown qubit or qubit register 'q'")]
    [InlineData("rx(theta) $0;", 3, 4, "unknown name 'theta'")]
    [InlineData("rx(sinh(1)) $0;", 3, 4, "unknown function 'sinh'")]
    [InlineData("cx $0, $0;", 3, 1, "qubit $0 is used more than once in 'cx'")]
    [InlineData("rz(1, 2) $0;", 3, 1, "gate 'rz' takes 1 parameter, found 2")]
    [InlineData("h $0, $1;", 3, 1, "gate 'h' acts on 1 qubit, found 2")]
    [InlineData("measure $0 -> c[0];", 3, 15, "unknown bit register 'c'")]
    [InlineData("bit[2] c;\nmeasure $0 -> c[2];", 4, 17, "index 2 is out of range for 'c' of size 2")]
    [InlineData("qubit[2] q;\nx $0;", 4, 3, "cannot be mixed")]
    [InlineData("gate g a { measure a; }", 3, 12, "measure is not allowed inside a gate definition")]
    [InlineData("gate g a { gate h2 b { x b; } }", 3, 12, "gate definitions are only allowed at the top level")]
    [InlineData("gate x a { U(pi, 0, pi) a; }", 3, 6, "gate 'x' is already defined")]
    [InlineData("h $0", 3, 5, "expected ';', found end of input")]
    [InlineData("h $0;\n  x $1 $2;", 4, 7, "expected ';', found a physical qubit")]
    [InlineData("rz(1 +) $0;", 3, 7, "expected an expression, found ')'")]
    [InlineData("h $0; ! x $1;", 3, 7, "unexpected character '!'")]
    [InlineData("qubit[0] q;", 3, 7, "register size 0 is out of range")]
    [InlineData("qubit[1.5] q;", 3, 7, "expected a constant non-negative integer (register size)")]
    public void Execute_UnsupportedOrInvalidQasm_FailsNamingPubLineAndColumn(string statement, int line, int column, string message)
    {
        var failure = Pubs.Fail(PrimitiveKind.Sampler, Pubs.Sampler(Pubs.Header + statement + "\n"), PrimitiveFailureCodes.QasmError);

        Assert.StartsWith($"pub 0: line {line}, column {column}: ", failure);
        Assert.Contains(message, failure);
    }

    [Fact]
    public void Execute_OpenQasmTwoVersionStatement_FailsAtTheVersion()
    {
        var failure = Pubs.Fail(PrimitiveKind.Sampler, Pubs.Sampler("OPENQASM 3.0;\nOPENQASM 2.0;\n"), PrimitiveFailureCodes.QasmError);

        Assert.Equal("pub 0: line 2, column 10: unsupported OpenQASM version '2.0'; expected 3 or 3.0", failure);
    }

    [Fact]
    public void Execute_FailureInSecondPub_NamesThatPub()
    {
        var json = "{\"pubs\":[[\"OPENQASM 3.0; U(0, 0, 0) $0;\"],[\"OPENQASM 3.0;\\nfoo $1;\"]],\"version\":2}";

        var failure = Pubs.Fail(PrimitiveKind.Sampler, json, PrimitiveFailureCodes.QasmError);

        Assert.Equal("pub 1: line 2, column 1: unknown gate 'foo'", failure);
    }

    [Fact]
    public void Execute_GateWithoutStdgatesInclude_IsUnknown()
    {
        var failure = Pubs.Fail(PrimitiveKind.Sampler, Pubs.Sampler("OPENQASM 3.0;\nh $0;\n"), PrimitiveFailureCodes.QasmError);

        Assert.Equal("pub 0: line 2, column 1: unknown gate 'h'", failure);
    }
}
