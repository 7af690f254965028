using SpankQrun.Primitives;

namespace SpankQrun.Simulator.Tests.Execution;

public sealed class EstimatorTests
{
    private const double Exact = 1e-9;

    [Fact]
    public void Estimator_UpstreamBellInput_GivesIdealExpectationValues()
    {
        var execution = PrimitiveExecutor.Execute(
            PrimitiveKind.Estimator, UpstreamDemo.EstimatorInput, new PrimitiveExecutionOptions(), CancellationToken.None);

        Assert.True(execution.Succeeded, execution.FailureMessage);
        var evs = Pubs.Evs(System.Text.Json.JsonDocument.Parse(execution.ResultJson!).RootElement);
        double[] expected = [0, 0, 0, 0, 1, 1];
        Assert.Equal(expected.Length, evs.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], evs[i], Exact);
        }
    }

    [Fact]
    public void Estimator_DefaultShotsOption_SetsStdsToOneOverRootShots()
    {
        var execution = PrimitiveExecutor.Execute(
            PrimitiveKind.Estimator, UpstreamDemo.EstimatorInput, new PrimitiveExecutionOptions(), CancellationToken.None);

        var data = System.Text.Json.JsonDocument.Parse(execution.ResultJson!).RootElement.GetProperty("results")[0].GetProperty("data");
        Assert.All(data.GetProperty("stds").EnumerateArray(), std => Assert.Equal(1 / Math.Sqrt(5000), std.GetDouble(), 1e-15));
    }

    [Fact]
    public void Estimator_PubPrecision_OverridesTopLevelPrecision()
    {
        var json = "{\"pubs\":[[\"OPENQASM 3.0; include \\\"stdgates.inc\\\"; x $0;\",\"Z\",[],0.05]],\"version\":2,\"precision\":0.2}";

        var result = Pubs.Succeed(PrimitiveKind.Estimator, json);

        var pub = result.GetProperty("results")[0];
        Assert.Equal(-1, pub.GetProperty("data").GetProperty("evs").GetDouble(), Exact);
        Assert.Equal(0.05, pub.GetProperty("data").GetProperty("stds").GetDouble());
        Assert.Equal(0.05, pub.GetProperty("metadata").GetProperty("target_precision").GetDouble());
    }

    [Fact]
    public void Estimator_PauliY_OnCircularState_IsOne()
    {
        var result = Pubs.Succeed(PrimitiveKind.Estimator, Pubs.Estimator(Pubs.Header + "qubit[1] q;\nh q[0];\ns q[0];\n", "[\"Y\", \"X\", \"Z\"]"));

        var evs = Pubs.Evs(result);
        Assert.Equal(1, evs[0], Exact);
        Assert.Equal(0, evs[1], Exact);
        Assert.Equal(0, evs[2], Exact);
    }

    [Fact]
    public void Estimator_WeightedPauliSum_AddsCoefficientTimesExpectation()
    {
        var result = Pubs.Succeed(PrimitiveKind.Estimator, Pubs.Estimator(
            Pubs.Header + "qubit[2] q;\nx q[1];\n", "{\"ZI\": 2.0, \"IZ\": 0.5, \"XX\": 3.0}"));

        Assert.Equal((2.0 * -1) + 0.5, result.GetProperty("results")[0].GetProperty("data").GetProperty("evs").GetDouble(), Exact);
    }

    [Fact]
    public void Estimator_ParameterSetsAndObservables_BroadcastLikeNumPy()
    {
        var result = Pubs.Succeed(PrimitiveKind.Estimator, Pubs.Estimator(
            Pubs.Header + "input float[64] theta;\nqubit[1] q;\nry(theta) q[0];\n",
            "[\"Z\", \"X\", \"Y\"]",
            "[[[0]], [[1.5707963267948966]]]"));

        var evs = result.GetProperty("results")[0].GetProperty("data").GetProperty("evs");
        Assert.Equal(2, evs.GetArrayLength());
        Assert.Equal([1.0, 0.0, 0.0], evs[0].EnumerateArray().Select(value => Math.Round(value.GetDouble(), 9)));
        Assert.Equal([0.0, 1.0, 0.0], evs[1].EnumerateArray().Select(value => Math.Round(value.GetDouble(), 9)));
    }

    [Fact]
    public void Estimator_ShapesThatDoNotBroadcast_FailNamingBothShapes()
    {
        var message = Pubs.Fail(PrimitiveKind.Estimator, Pubs.Estimator(
            Pubs.Header + "input float[64] theta;\nqubit[1] q;\nry(theta) q[0];\n", "[\"Z\", \"X\", \"Y\"]", "[[0], [1]]"),
            PrimitiveFailureCodes.ShapeMismatch);

        Assert.Equal("pub 0: parameter values of shape (2,) and observables of shape (3,) do not broadcast", message);
    }

    [Fact]
    public void Estimator_PhysicalCircuit_ReadsLabelsOverDeviceQubits()
    {
        var result = Pubs.Succeed(PrimitiveKind.Estimator, Pubs.Estimator(Pubs.Header + "x $3;\n", "[\"ZIII\", \"IZII\"]"));

        Assert.Equal([-1.0, 1.0], Pubs.Evs(result).Select(value => Math.Round(value, 9)));
    }

    [Fact]
    public void Estimator_LabelLongerThanHighestPhysicalQubit_TreatsExtraQubitsAsIdle()
    {
        var result = Pubs.Succeed(PrimitiveKind.Estimator, Pubs.Estimator(Pubs.Header + "x $3;\n", "[\"IIIIIZIII\", \"ZIIIIIIII\"]"));

        Assert.Equal([-1.0, 1.0], Pubs.Evs(result).Select(value => Math.Round(value, 9)));
    }

    [Fact]
    public void Estimator_UntouchedQubitWithX_ContributesZero()
    {
        var result = Pubs.Succeed(PrimitiveKind.Estimator, Pubs.Estimator(Pubs.Header + "h $0;\n", "[\"XX\", \"ZX\"]"));

        Assert.Equal([0.0, 1.0], Pubs.Evs(result).Select(value => Math.Round(value, 9)));
    }

    [Fact]
    public void Estimator_LabelShorterThanHighestPhysicalQubit_Fails()
    {
        var message = Pubs.Fail(PrimitiveKind.Estimator, Pubs.Estimator(Pubs.Header + "x $3;\n", "\"ZZ\""), PrimitiveFailureCodes.ShapeMismatch);

        Assert.Contains("need at least 4", message);
    }

    [Fact]
    public void Estimator_LabelLengthDifferentFromDeclaredQubits_Fails()
    {
        var message = Pubs.Fail(PrimitiveKind.Estimator, Pubs.Estimator(Pubs.Header + "qubit[2] q;\nx q[0];\n", "\"ZZZ\""), PrimitiveFailureCodes.ShapeMismatch);

        Assert.Contains("need exactly 2", message);
    }

    [Fact]
    public void Estimator_TerminalMeasurements_AreIgnored()
    {
        var result = Pubs.Succeed(PrimitiveKind.Estimator, Pubs.Estimator(Pubs.Header + "bit[1] c;\nx $0;\nc[0] = measure $0;\n", "\"Z\""));

        Assert.Equal(-1, result.GetProperty("results")[0].GetProperty("data").GetProperty("evs").GetDouble(), Exact);
    }

    [Fact]
    public void Estimator_MidCircuitMeasurement_Fails()
    {
        var message = Pubs.Fail(PrimitiveKind.Estimator, Pubs.Estimator(Pubs.Header + "bit[1] c;\nh $0;\nc[0] = measure $0;\nh $0;\n", "\"Z\""), PrimitiveFailureCodes.QasmError);

        Assert.Contains("must not measure or reset before a later gate", message);
    }
}
