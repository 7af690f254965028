using System.Globalization;
using System.Text;
using SpankQrun.Simulator.Binding;
using SpankQrun.Simulator.Execution;
using SpankQrun.Simulator.Syntax;

namespace SpankQrun.Simulator.Tests.Syntax;

public sealed class FrontEndAllocationTests
{
    [Fact]
    public void Compile_LargeExporterStyleCircuit_AllocatesAtMostTenBytesPerInputByte()
    {
        var qasm = ExporterStyleCircuit(targetBytes: 1 << 20, seed: 5);
        CompiledCircuit.Compile(0, qasm, maxQubits: 28);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var circuit = CompiledCircuit.Compile(0, qasm, maxQubits: 28);
        var perByte = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / Encoding.UTF8.GetByteCount(qasm);

        Assert.True(circuit.Program.Operations.Count > 50_000);
        Assert.True(perByte <= 10, $"{perByte:F1} bytes allocated per input byte");
    }

    [Fact]
    public void ParseAndBind_BindsTheSameProgramAsTheSyntaxTree()
    {
        var physical = ExporterStyleCircuit(targetBytes: 20_000, seed: 3);
        var declared = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float[64] a;\nqubit[3] q;\nbit[3] c;\n"
            + "gate g(t) x, y { rz(t / 2 - -(pi)) x; cx x, y; u3(sin(t), 0.25e1, t ** 2) y; }\n"
            + "g(a * 2) q[0], q[2];\nh q;\ncx q[1], q[0];\nreset q[1];\nc = measure q;\n";

        foreach (var text in new[] { physical, declared })
        {
            var (streamed, streamedDiagnostics) = Binder.ParseAndBind(text);
            var (bound, diagnostics) = Binder.Bind(QasmSyntaxTree.Parse(text));
            Assert.Empty(streamedDiagnostics);
            Assert.Empty(diagnostics);
            Assert.Equal(Describe(bound), Describe(streamed));
        }
    }

    [Fact]
    public void ParseAndBind_SyntaxErrorAfterTheBudgetIsExhausted_ReportsTheSyntaxError()
    {
        var qasm = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n" + string.Concat(Enumerable.Repeat("x $0;\n", 20)) + "x $1\n";
        var budget = new OperationBudget(0, limit: 10, CancellationToken.None);

        var (_, diagnostics) = Binder.ParseAndBind(qasm, budget: budget);

        Assert.Contains("expected ';'", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
        Assert.Throws<PubFailureException>(() => Binder.ParseAndBind(qasm.Replace("x $1\n", "x $1;\n", StringComparison.Ordinal), budget: new OperationBudget(0, 10, CancellationToken.None)));
    }

    [Fact]
    public void ParseAndBind_RepeatedArgumentSpelling_MeansWhatItsNamesMeanWhereItStands()
    {
        // The same spelling "(theta * 2)" in a gate body names the gate's parameter, outside it the input; before the
        // input is declared it is an error.
        var qasm = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float[64] theta;\nrz(theta * 2) $0;\n"
            + "gate g(theta) a { rz(theta * 2) a; }\ng(0.5) $1;\nrz(theta * 2) $2;\n";

        var (program, diagnostics) = Binder.ParseAndBind(qasm);

        Assert.Empty(diagnostics);
        var instructions = new List<Instruction>();
        Lowerer.Lower(program, [0.1], Enumerable.Range(0, program.QubitCount).ToArray(), instructions, new OperationBudget(0, 100, CancellationToken.None));
        Assert.Equal([(0, Matrix2.RZ(0.2)), (1, Matrix2.RZ(1.0)), (2, Matrix2.RZ(0.2))], instructions.Select(instruction => (instruction.Target, instruction.Matrix)));

        var (_, early) = Binder.ParseAndBind("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nrz(theta * 2) $0;\ninput float[64] theta;\nrz(theta * 2) $1;\nrz(theta * 2) $2;\n");
        Assert.Equal(3, Assert.Single(early).Line);
    }

    /// <summary>Every bound operation with its qubits and angles for parameter values 0.3 (and gate definitions expanded).</summary>
    private static string Describe(BoundProgram program)
    {
        var text = new StringBuilder();
        var qubitMap = Enumerable.Range(0, program.QubitCount).ToArray();
        var instructions = new List<Instruction>();
        var inputs = Enumerable.Repeat(0.3, program.Parameters.Count).ToArray();
        Lowerer.Lower(program, inputs, qubitMap, instructions, new OperationBudget(0, long.MaxValue, CancellationToken.None));
        foreach (var instruction in instructions)
        {
            text.AppendLine(instruction.ToString());
        }

        text.AppendLine(string.Join(",", program.ActiveQubits)).AppendLine(string.Join(",", program.Parameters));
        return text.ToString();
    }

    private static string ExporterStyleCircuit(int targetBytes, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(targetBytes + 1024);
        text.Append("OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float[64] theta;\nbit[20] meas;\n");
        text.Append("gate ecr _gate_q_0, _gate_q_1 {\n  rz(pi/4) _gate_q_1;\n  cx _gate_q_0, _gate_q_1;\n  x _gate_q_0;\n}\n");
        while (text.Length < targetBytes)
        {
            var q = random.Next(20);
            var other = (q + 1 + random.Next(19)) % 20;
            var line = random.Next(5) switch
            {
                0 => string.Create(CultureInfo.InvariantCulture, $"rz({(random.NextDouble() * 6) - 3:R}) ${q};\n"),
                1 => $"sx ${q};\n",
                2 => $"rz(pi/2 + theta) ${q};\n",
                3 => $"cx ${q}, ${other};\n",
                _ => $"ecr ${q}, ${other};\n",
            };
            text.Append(line);
        }

        for (var q = 0; q < 20; q++)
        {
            text.Append(CultureInfo.InvariantCulture, $"meas[{q}] = measure ${q};\n");
        }

        return text.ToString();
    }
}
