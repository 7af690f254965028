using System.Text;
using System.Text.Json;
using SpankQrun.Primitives;

namespace SpankQrun.Simulator.Tests.Execution;

/// <summary>Builds PUBs documents and runs them through <see cref="PrimitiveExecutor"/>.</summary>
internal static class Pubs
{
    public const string Header = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n";

    public static string Sampler(string qasm, int shots = 1000, string parameterValues = "[]") =>
        $"{{\"pubs\":[[{JsonSerializer.Serialize(qasm)},{parameterValues},{shots}]],\"version\":2}}";

    public static string Estimator(string qasm, string observables, string parameterValues = "[]", string extra = "") =>
        $"{{\"pubs\":[[{JsonSerializer.Serialize(qasm)},{observables},{parameterValues}]],\"version\":2{extra}}}";

    public static PrimitiveExecution Run(PrimitiveKind kind, string json, int seed = 1234, int maxQubits = 28) =>
        PrimitiveExecutor.Execute(kind, Encoding.UTF8.GetBytes(json), new PrimitiveExecutionOptions(seed, maxQubits), CancellationToken.None);

    public static JsonElement Succeed(PrimitiveKind kind, string json, int seed = 1234)
    {
        var execution = Run(kind, json, seed);
        Assert.True(execution.Succeeded, execution.FailureMessage);
        return JsonDocument.Parse(execution.ResultJson!).RootElement;
    }

    public static string Fail(PrimitiveKind kind, string json, string expectedCode)
    {
        var execution = Run(kind, json);
        Assert.False(execution.Succeeded);
        Assert.Null(execution.ResultJson);
        Assert.Equal(expectedCode, execution.FailureCode);
        return execution.FailureMessage!;
    }

    /// <summary>The samples of one register of the first PUB, tallied.</summary>
    public static Dictionary<string, int> Counts(JsonElement result, string register, int pub = 0) =>
        result.GetProperty("results")[pub].GetProperty("data").GetProperty(register).GetProperty("samples")
            .EnumerateArray().GroupBy(sample => sample.GetString()!).ToDictionary(group => group.Key, group => group.Count());

    public static double[] Evs(JsonElement result, int pub = 0) =>
        [.. result.GetProperty("results")[pub].GetProperty("data").GetProperty("evs").EnumerateArray().Select(value => value.GetDouble())];
}
