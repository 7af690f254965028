using SpankQrun.Primitives;
using SpankQrun.Simulator.Binding;

namespace SpankQrun.Simulator.Tests.Execution;

public sealed class GateLibraryTests
{
    private const double Tolerance = 1e-9;
    private static readonly double InverseSqrt2 = 1 / Math.Sqrt(2);

    public static TheoryData<string, string, string, double> Cases => new()
    {
        { "id", "x q[0]; id q[0];", "IIZ", -1 },
        { "x", "x q[0];", "IIZ", -1 },
        { "y", "y q[0];", "IIZ", -1 },
        { "z", "h q[0]; z q[0];", "IIX", -1 },
        { "h", "h q[0];", "IIX", 1 },
        { "s", "h q[0]; s q[0];", "IIY", 1 },
        { "sdg", "h q[0]; sdg q[0];", "IIY", -1 },
        { "t", "h q[0]; t q[0];", "IIX", InverseSqrt2 },
        { "tdg", "h q[0]; tdg q[0];", "IIY", -InverseSqrt2 },
        { "sx", "sx q[0];", "IIY", -1 },
        { "p", "h q[0]; p(pi/2) q[0];", "IIY", 1 },
        { "phase", "h q[0]; phase(pi/2) q[0];", "IIY", 1 },
        { "u1", "h q[0]; u1(pi/2) q[0];", "IIY", 1 },
        { "rx", "rx(pi/2) q[0];", "IIY", -1 },
        { "ry", "ry(pi/2) q[0];", "IIX", 1 },
        { "rz", "h q[0]; rz(pi/2) q[0];", "IIY", 1 },
        { "u2", "u2(0, pi) q[0];", "IIX", 1 },
        { "u3", "u3(pi/2, 0, pi) q[0];", "IIX", 1 },
        { "U", "U(pi, 0, pi) q[0];", "IIZ", -1 },
        { "gphase", "gphase(pi/3); x q[0];", "IIZ", -1 },
        { "cx", "x q[0]; cx q[0], q[1];", "IZI", -1 },
        { "cx", "cx q[0], q[1];", "IZI", 1 },
        { "CX", "x q[0]; CX q[0], q[1];", "IZI", -1 },
        { "cy", "x q[0]; cy q[0], q[1];", "IZI", -1 },
        { "cz", "x q[0]; h q[1]; cz q[0], q[1];", "IXI", -1 },
        { "ch", "x q[0]; ch q[0], q[1];", "IXI", 1 },
        { "cp", "x q[0]; h q[1]; cp(pi/2) q[0], q[1];", "IYI", 1 },
        { "cphase", "x q[0]; h q[1]; cphase(pi/2) q[0], q[1];", "IYI", 1 },
        { "crx", "x q[0]; crx(pi/2) q[0], q[1];", "IYI", -1 },
        { "cry", "x q[0]; cry(pi/2) q[0], q[1];", "IXI", 1 },
        { "crz", "x q[0]; h q[1]; crz(pi/2) q[0], q[1];", "IYI", 1 },
        { "cu", "x q[0]; cu(pi, 0, pi, 0) q[0], q[1];", "IZI", -1 },
        { "cu", "h q[0]; cu(0, 0, 0, pi/2) q[0], q[1];", "IIY", 1 },
        { "swap", "x q[0]; swap q[0], q[1];", "IZI", -1 },
        { "swap", "x q[0]; swap q[1], q[0];", "IIZ", 1 },
        { "ccx", "x q[0]; x q[1]; ccx q[0], q[1], q[2];", "ZII", -1 },
        { "ccx", "x q[0]; ccx q[0], q[1], q[2];", "ZII", 1 },
        { "cswap", "x q[0]; x q[1]; cswap q[0], q[1], q[2];", "ZII", -1 },
        { "cswap", "x q[1]; cswap q[0], q[1], q[2];", "ZII", 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gate_AppliedToKnownState_GivesTheTextbookExpectationValue(string gate, string body, string label, double expected)
    {
        Assert.Contains(gate, body);
        var result = Pubs.Succeed(PrimitiveKind.Estimator, Pubs.Estimator(Pubs.Header + "qubit[3] q;\n" + body + "\n", $"\"{label}\""));

        Assert.Equal(expected, result.GetProperty("results")[0].GetProperty("data").GetProperty("evs").GetDouble(), Tolerance);
    }

    [Fact]
    public void GateLibrary_EveryBuiltinGate_IsCoveredByACase()
    {
        var covered = Cases.Select(row => (string)row[0]).ToHashSet();
        var builtins = GateLibrary.Standard.Keys.Concat(GateLibrary.AlwaysDefined.Keys);

        Assert.Equal("", string.Join(", ", builtins.Where(name => !covered.Contains(name))));
    }

    [Theory]
    [InlineData("pi/2", Math.PI / 2)]
    [InlineData("π/2", Math.PI / 2)]
    [InlineData("-pi/4 + pi", 3 * Math.PI / 4)]
    [InlineData("2*pi/4 - -pi/4", 3 * Math.PI / 4)]
    [InlineData("(1 + 1) * 0.5", 1)]
    [InlineData("2**3**0", 2)]
    [InlineData("-2**2", -4)]
    [InlineData("tau/8", Math.PI / 4)]
    [InlineData("arccos(0)", Math.PI / 2)]
    [InlineData("sin(pi/2) + cos(0) + sqrt(4) - ln(euler) - exp(0)", 2)]
    [InlineData("1.5e-1 * 10", 1.5)]
    public void Expression_InGateArgument_EvaluatesWithPrecedence(string expression, double angle)
    {
        var result = Pubs.Succeed(PrimitiveKind.Estimator, Pubs.Estimator(Pubs.Header + $"qubit[1] q;\nry({expression}) q[0];\n", "\"Z\""));

        Assert.Equal(Math.Cos(angle), result.GetProperty("results")[0].GetProperty("data").GetProperty("evs").GetDouble(), Tolerance);
    }

    [Fact]
    public void UserGate_WithParametersAndNestedCalls_ExpandsLikeQiskitsEcr()
    {
        const string definitions =
            "gate rzx(p0) a, b { h b; cx a, b; rz(p0) b; cx a, b; h b; }\n" +
            "gate ecr a, b { rzx(pi/4) a, b; x a; rzx(-pi/4) a, b; }\n";

        // ECR|00> = (|01> - i|11>)/√2 in Qiskit order: qubit 0 flipped to 1, qubit 1 in a Y eigenstate.
        var result = Pubs.Succeed(PrimitiveKind.Estimator, Pubs.Estimator(
            Pubs.Header + definitions + "qubit[2] q;\necr q[0], q[1];\n", "[\"IZ\", \"YI\", \"ZI\"]"));

        Assert.Equal([-1.0, -1.0, 0.0], Pubs.Evs(result).Select(value => Math.Round(value, 9)));
    }

    [Fact]
    public void GateCall_OnWholeRegisters_BroadcastsOverTheirQubits()
    {
        var result = Pubs.Succeed(PrimitiveKind.Estimator, Pubs.Estimator(
            Pubs.Header + "qubit[2] a;\nqubit[2] b;\nx a;\ncx a, b;\n", "[\"ZIII\", \"IZII\", \"ZZZZ\"]"));

        Assert.Equal([-1.0, -1.0, 1.0], Pubs.Evs(result).Select(value => Math.Round(value, 9)));
    }
}
