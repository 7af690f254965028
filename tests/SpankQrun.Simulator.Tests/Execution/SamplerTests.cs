using SpankQrun.Primitives;
using SpankQrun.Simulator.Binding;
using SpankQrun.Simulator.Execution;

namespace SpankQrun.Simulator.Tests.Execution;

public sealed class SamplerTests
{
    // Binomial bound: |count - n/2| stays under 5 standard deviations (sqrt(n)/2) for any fair seed.
    private static void AssertFair(int count, int shots) =>
        Assert.InRange(count, (shots / 2) - (2.5 * Math.Sqrt(shots)), (shots / 2) + (2.5 * Math.Sqrt(shots)));

    [Fact]
    public void Sampler_BellPair_GivesOnlyCorrelatedOutcomesInEqualShare()
    {
        var result = Pubs.Succeed(PrimitiveKind.Sampler, Pubs.Sampler(
            Pubs.Header + "bit[2] meas;\nh $0;\ncx $0, $1;\nmeas[0] = measure $0;\nmeas[1] = measure $1;\n", shots: 4000));

        var counts = Pubs.Counts(result, "meas");
        Assert.Equal(["0x0", "0x3"], counts.Keys.Order());
        AssertFair(counts["0x0"], 4000);
    }

    [Fact]
    public void Sampler_GhzOnDeclaredRegister_GivesAllZerosOrAllOnes()
    {
        var result = Pubs.Succeed(PrimitiveKind.Sampler, Pubs.Sampler(
            Pubs.Header + "qubit[3] q;\nbit[3] c;\nh q[0];\ncx q[0], q[1];\ncx q[1], q[2];\nc = measure q;\n", shots: 4000));

        var counts = Pubs.Counts(result, "c");
        Assert.Equal(["0x0", "0x7"], counts.Keys.Order());
        AssertFair(counts["0x7"], 4000);
    }

    [Fact]
    public void Sampler_BitZeroSet_IsLeastSignificantHexDigit()
    {
        var result = Pubs.Succeed(PrimitiveKind.Sampler, Pubs.Sampler(
            Pubs.Header + "bit[2] c;\nx $0;\nc[0] = measure $0;\nc[1] = measure $1;\n", shots: 10));

        Assert.Equal(10, Pubs.Counts(result, "c")["0x1"]);
    }

    [Fact]
    public void Sampler_ReversedMeasurementOrder_PutsQubitZeroInBitOne()
    {
        var result = Pubs.Succeed(PrimitiveKind.Sampler, Pubs.Sampler(
            Pubs.Header + "bit[2] c;\nx $0;\nc[0] = measure $1;\nc[1] = measure $0;\n", shots: 10));

        Assert.Equal(10, Pubs.Counts(result, "c")["0x2"]);
    }

    [Fact]
    public void Sampler_ArrowMeasureSyntax_WritesTheNamedBit()
    {
        var result = Pubs.Succeed(PrimitiveKind.Sampler, Pubs.Sampler(
            Pubs.Header + "bit[4] c;\nx $2;\nmeasure $2 -> c[3];\n", shots: 5));

        Assert.Equal(5, Pubs.Counts(result, "c")["0x8"]);
    }

    [Fact]
    public void Sampler_SeveralRegisters_ReportsEachWithItsOwnWidthInDeclarationOrder()
    {
        var result = Pubs.Succeed(PrimitiveKind.Sampler, Pubs.Sampler(
            Pubs.Header + "qubit[3] q;\nbit[1] flag;\nbit[2] pair;\nx q[1];\nx q[2];\nflag[0] = measure q[0];\nmeasure q[1] -> pair[0];\npair[1] = measure q[2];\n", shots: 3));

        var data = result.GetProperty("results")[0].GetProperty("data");
        Assert.Equal(["flag", "pair"], data.EnumerateObject().Select(property => property.Name));
        Assert.Equal(1, data.GetProperty("flag").GetProperty("num_bits").GetInt32());
        Assert.Equal(2, data.GetProperty("pair").GetProperty("num_bits").GetInt32());
        Assert.Equal(3, Pubs.Counts(result, "flag")["0x0"]);
        Assert.Equal(3, Pubs.Counts(result, "pair")["0x3"]);
    }

    [Fact]
    public void Sampler_WideRegister_FormatsHexBeyondSixtyFourBits()
    {
        var result = Pubs.Succeed(PrimitiveKind.Sampler, Pubs.Sampler(
            Pubs.Header + "bit[70] c;\nx $0;\nc[69] = measure $0;\nc[0] = measure $1;\n", shots: 2));

        Assert.Equal(2, Pubs.Counts(result, "c")["0x200000000000000000"]);
    }

    [Fact]
    public void Sampler_InputParameters_BindInDeclarationOrder()
    {
        var result = Pubs.Succeed(PrimitiveKind.Sampler, Pubs.Sampler(
            Pubs.Header + "input float[64] a;\ninput float[64] b;\nbit[2] c;\nrx(a) $0;\nrx(b) $1;\nc[0] = measure $0;\nc[1] = measure $1;\n",
            shots: 20,
            parameterValues: "[3.141592653589793, 0]"));

        Assert.Equal(20, Pubs.Counts(result, "c")["0x1"]);
    }

    [Fact]
    public void Sampler_ParameterSetArray_GivesOneSampleListPerSet()
    {
        var result = Pubs.Succeed(PrimitiveKind.Sampler, Pubs.Sampler(
            Pubs.Header + "input float[64] theta;\nbit[1] c;\nrx(theta) $0;\nc[0] = measure $0;\n",
            shots: 8,
            parameterValues: "[[3.141592653589793], [0]]"));

        var samples = result.GetProperty("results")[0].GetProperty("data").GetProperty("c").GetProperty("samples");
        Assert.Equal(2, samples.GetArrayLength());
        Assert.All(samples[0].EnumerateArray(), sample => Assert.Equal("0x1", sample.GetString()));
        Assert.All(samples[1].EnumerateArray(), sample => Assert.Equal("0x0", sample.GetString()));
    }

    [Fact]
    public void Sampler_ParameterValuesOfWrongWidth_FailsNamingTheParameters()
    {
        var message = Pubs.Fail(PrimitiveKind.Sampler, Pubs.Sampler(
            Pubs.Header + "input float[64] theta;\nbit[1] c;\nrx(theta) $0;\nc[0] = measure $0;\n", parameterValues: "[1, 2]"),
            PrimitiveFailureCodes.ShapeMismatch);

        Assert.Contains("(theta)", message);
        Assert.Contains("found shape (2,)", message);
    }

    [Fact]
    public void Sampler_ResetAfterFlip_AlwaysMeasuresZero()
    {
        var result = Pubs.Succeed(PrimitiveKind.Sampler, Pubs.Sampler(
            Pubs.Header + "bit[2] c;\nh $0;\nc[1] = measure $0;\nreset $0;\nc[0] = measure $0;\n", shots: 400));

        var counts = Pubs.Counts(result, "c");
        Assert.Equal(["0x0", "0x2"], counts.Keys.Order());
        AssertFair(counts["0x2"], 400);
    }

    [Fact]
    public void Sampler_MidCircuitMeasurementFeedingLaterGate_KeepsOutcomesCorrelated()
    {
        var result = Pubs.Succeed(PrimitiveKind.Sampler, Pubs.Sampler(
            Pubs.Header + "bit[2] c;\nh $0;\nc[0] = measure $0;\ncx $0, $1;\nc[1] = measure $1;\n", shots: 400));

        Assert.Equal(["0x0", "0x3"], Pubs.Counts(result, "c").Keys.Order());
    }

    [Fact]
    public void Sampler_SameSeed_GivesIdenticalResults()
    {
        var json = Pubs.Sampler(Pubs.Header + "bit[3] c;\nh $0;\nh $1;\nh $2;\nc[0] = measure $0;\nc[1] = measure $1;\nc[2] = measure $2;\n");

        Assert.Equal(Pubs.Run(PrimitiveKind.Sampler, json, seed: 7).ResultJson, Pubs.Run(PrimitiveKind.Sampler, json, seed: 7).ResultJson);
    }

    [Fact]
    public void Sampler_MidCircuitMeasurement_WithoutSnapshot_GivesTheSameShotsAsWithOne()
    {
        // A prefix of rotations and entanglers, then measurements and resets between gates: every shot starts
        // again from the prefix's state, kept as a copy or simulated again when a copy would not fit.
        var random = new Random(11);
        List<Instruction> circuit = [];
        for (var layer = 0; layer < 3; layer++)
        {
            for (var qubit = 0; qubit < 5; qubit++)
                circuit.Add(Instruction.Unitary(qubit, Matrix2.U(random.NextDouble() * 3, random.NextDouble() * 3, random.NextDouble() * 3)));
            for (var qubit = 0; qubit < 4; qubit++)
                circuit.Add(Instruction.Controlled(qubit, qubit + 1, Matrix2.X));
        }

        circuit.AddRange([Instruction.Measure(1, 0), Instruction.Unitary(2, Matrix2.H), Instruction.Controlled(1, 2, Matrix2.X),
            Instruction.Reset(3), Instruction.Measure(2, 1), Instruction.Measure(3, 2), Instruction.Measure(0, 3), Instruction.Measure(4, 4)]);

        var withCopy = SamplerRunner.Sample(circuit, 5, 5, 2000, new Random(3), CancellationToken.None);
        var again = SamplerRunner.Sample(circuit, 5, 5, 2000, new Random(3), CancellationToken.None, maxSnapshotStateBytes: 0);

        Assert.True(SamplerRunner.KeepsSnapshot(5));
        Assert.False(SamplerRunner.KeepsSnapshot(5, maxSnapshotStateBytes: 0));
        Assert.Equal(withCopy, again);
        Assert.Contains((byte)1, withCopy);
        Assert.Contains((byte)0, withCopy);
    }

    [Fact]
    public void Sampler_SnapshotIsKeptOnlyWhileTwoStatesFitTheMemoryBound()
    {
        const long MiB = 1024 * 1024;
        for (var qubits = 1; qubits <= 30; qubits++)
        {
            var state = 16L << qubits;
            var twoStatesFit = 2 * state <= (1.2 * state) + (64 * MiB);
            Assert.Equal(twoStatesFit, SamplerRunner.KeepsSnapshot(qubits));
        }
    }

    [Fact]
    public void Sampler_ShotsMissingFromPub_UseTopLevelShots()
    {
        var json = "{\"pubs\":[[\"OPENQASM 3.0; bit[1] c; c[0] = measure $0;\"]],\"version\":2,\"shots\":17}";

        var result = Pubs.Succeed(PrimitiveKind.Sampler, json);

        Assert.Equal(17, Pubs.Counts(result, "c")["0x0"]);
        Assert.Equal(17, result.GetProperty("results")[0].GetProperty("metadata").GetProperty("shots").GetInt32());
    }

    [Fact]
    public void Sampler_Result_CarriesVersionTwoMetadata()
    {
        var result = Pubs.Succeed(PrimitiveKind.Sampler, Pubs.Sampler(Pubs.Header + "bit[1] c;\nc[0] = measure $0;\n", shots: 1));

        Assert.Equal(2, result.GetProperty("metadata").GetProperty("version").GetInt32());
    }

    [Fact]
    public void Sampler_UpstreamDemoInput_MatchesTheCircuitsIdealDistribution()
    {
        var execution = PrimitiveExecutor.Execute(
            PrimitiveKind.Sampler, UpstreamDemo.SamplerInput, new PrimitiveExecutionOptions(Seed: 42), CancellationToken.None);

        Assert.True(execution.Succeeded, execution.FailureMessage);
        var result = System.Text.Json.JsonDocument.Parse(execution.ResultJson!).RootElement;
        var counts = Pubs.Counts(result, "meas");
        Assert.Equal(10_000, counts.Values.Sum());
        SamplerDemoExpectation.AssertPlausible(counts);
    }

    [Fact]
    public void Sampler_TooManyQubitsForTheLimit_FailsAsTooLarge()
    {
        var execution = Pubs.Run(PrimitiveKind.Sampler, Pubs.Sampler(Pubs.Header + "h $0;\nh $1;\nh $5;\n"), maxQubits: 2);

        Assert.Equal(PrimitiveFailureCodes.TooLarge, execution.FailureCode);
        Assert.Equal("pub 0: the circuit acts on 3 qubits; this simulator runs at most 2", execution.FailureMessage);
    }

    [Fact]
    public void Sampler_CancelledToken_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => PrimitiveExecutor.Execute(
            PrimitiveKind.Sampler,
            System.Text.Encoding.UTF8.GetBytes(Pubs.Sampler(Pubs.Header + "bit[1] c;\nh $0;\nc[0] = measure $0;\n")),
            new PrimitiveExecutionOptions(),
            cancellation.Token));
    }

    [Fact]
    public void Sampler_InvalidDocument_FailsAsInvalidInputWithPath()
    {
        var message = Pubs.Fail(PrimitiveKind.Sampler, "{\"pubs\":[[\"OPENQASM 3.0;\",[],\"abc\"]],\"version\":2}", PrimitiveFailureCodes.InvalidInput);

        Assert.StartsWith("$.pubs[0][2]: expected a positive integer (shots)", message);
    }
}
