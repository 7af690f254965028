using System.Text.Json;
using SpankQrun.Qrun.Tests.Infrastructure;
using SpankQrun.TestSupport;
using Xunit;

namespace SpankQrun.Qrun.Tests.EndToEnd;

/// <summary>
/// PUBs written with qiskit-ibm-runtime's RuntimeEncoder (fixtures made with numpy by tests/data/qiskit/make_fixtures.py)
/// run through qrun and the emulator, and with "support_qiskit": true the results come back in the encoded form that
/// RuntimeDecoder reads; tests/data/qiskit/decode_results.py loads them with numpy as RuntimeDecoder does.
/// </summary>
public sealed class QiskitRoundTripTests(QrunServices services) : IClassFixture<QrunServices>
{
    private static string Fixture(string name) => Path.Combine(RepositoryPaths.Root, "tests", "data", "qiskit", name);

    [Fact]
    public async Task Sampler_NdarrayParameterValues_ResultsDecodeToBitArraysWithTheExpectedCounts()
    {
        using var scratch = new ScratchDirectory();
        var results = scratch.FilePath("results.json");

        var run = await InProcessQrun.RunAsync(services.Environment("fake_torino", "sampler"), "--results", results, Fixture("sampler_runtime_encoded.json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var summary = await DecodeAsync(results);
        var pub = Assert.Single(summary.RootElement.EnumerateArray());
        Assert.Equal("SamplerPubResult", pub.GetProperty("type").GetString());
        Assert.Equal("[2]", pub.GetProperty("shape").GetRawText().Replace(" ", "", StringComparison.Ordinal));
        var meas = pub.GetProperty("fields").GetProperty("meas");
        Assert.Equal("uint8", meas.GetProperty("dtype").GetString());
        Assert.Equal("[2,100,1]", meas.GetProperty("shape").GetRawText().Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(2, meas.GetProperty("num_bits").GetInt32());
        // theta = 0 gives |00> every shot, theta = pi gives |11>: exactly 100 of each.
        Assert.Equal("""{"00":100,"11":100}""", meas.GetProperty("counts").GetRawText().Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Estimator_EncodedObservablesAndFloat32Values_ResultsDecodeToExactExpectationValues()
    {
        using var scratch = new ScratchDirectory();
        var results = scratch.FilePath("results.json");

        var run = await InProcessQrun.RunAsync(services.Environment("fake_torino", "estimator"), "--results", results, Fixture("estimator_runtime_encoded.json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var summary = await DecodeAsync(results);
        var pubs = summary.RootElement.EnumerateArray().ToList();
        Assert.All(pubs, pub => Assert.Equal("EstimatorPubResult", pub.GetProperty("type").GetString()));
        var first = pubs[0].GetProperty("fields").GetProperty("evs");
        Assert.Equal("float64", first.GetProperty("dtype").GetString());
        Assert.Equal("[1,0,1]", Compact(first.GetProperty("values")));
        Assert.Equal("[-1,1]", Compact(pubs[1].GetProperty("fields").GetProperty("evs").GetProperty("values")));
    }

    [Fact]
    public async Task Check_EncodedInputs_AreValidOffline()
    {
        foreach (var name in new[] { "sampler_runtime_encoded.json", "estimator_runtime_encoded.json" })
        {
            var run = await InProcessQrun.RunAsync(new Dictionary<string, string>(), "--check", Fixture(name));
            Assert.True(run.ExitCode == 0, run.ToString());
        }
    }

    [Fact]
    public async Task QpyCircuit_IsRefusedOfflineNamingQasm3Dumps()
    {
        using var scratch = new ScratchDirectory();
        var input = scratch.Write("qpy.json", """{"pubs":[[{"__type__":"QuantumCircuit","__value__":"eJwLdg=="}]],"version":2}""");

        var run = await InProcessQrun.RunAsync(services.Environment("fake_lagos", "sampler"), input);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("$.pubs[0][0]", run.Error, StringComparison.Ordinal);
        Assert.Contains("qasm3.dumps", run.Error, StringComparison.Ordinal);
        Assert.Empty(await services.BucketKeysAsync());
    }

    private static string Compact(JsonElement values) =>
        "[" + string.Join(",", values.EnumerateArray().Select(v => Math.Round(v.GetDouble(), 6).ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";

    private static async Task<JsonDocument> DecodeAsync(string results)
    {
        var decoded = await Shell.RunAsync("/usr/bin/python3", [Fixture("decode_results.py"), results]);
        Assert.True(decoded.ExitCode == 0, decoded.ToString());
        return JsonDocument.Parse(decoded.Stdout);
    }
}
