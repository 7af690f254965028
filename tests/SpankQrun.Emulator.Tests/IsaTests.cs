using System.Text.Json.Nodes;
using SpankQrun.Emulator.Tests.Infrastructure;

namespace SpankQrun.Emulator.Tests;

/// <summary>
/// ISA like real backends, with the shipped configuration: basis gates and the directed coupling map are enforced on
/// fake_brisbane, fake_cairo and fake_lagos before any shot runs; upstream's demo inputs still run where the demo runs them.
/// </summary>
public sealed class IsaTests(ShippedConfigFixture fixture) : IClassFixture<ShippedConfigFixture>
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task UpstreamSamplerDemo_RunsOnFakeBrisbane_WithItsEcrDefinitionOnCoupledQubits()
    {
        var job = await RunAsync("fake_brisbane", "sampler", DemoInputs.Sampler);

        Assert.Equal("Completed", (string)job["status"]!);
    }

    [Fact]
    public async Task UpstreamEstimatorDemo_RunsOnFakeCairo()
    {
        var job = await RunAsync("fake_cairo", "estimator", DemoInputs.Estimator);

        Assert.Equal("Completed", (string)job["status"]!);
    }

    [Fact]
    public async Task GateOutsideTheBasis_IsRefusedWith1406_NamingPubLineColumnGateAndQubits()
    {
        var job = await RunAsync("fake_lagos", "sampler", Sampler("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[1] c;\nx $0;\n  h $1;\nc[0] = measure $1;\n"));

        Assert.Equal("Failed", (string)job["status"]!);
        Assert.Equal(1406, (int)job["reason_code"]!);
        var message = (string)job["reason_message"]!;
        Assert.Contains("pub 0: line 5, column 3: gate 'h' on $1 is not an ISA instruction of fake_lagos", message);
        Assert.Contains("cx, id, rz, sx, x", message);
        Assert.Equal(0L, (long)job["usage"]!["quantum_nanoseconds"]!);
    }

    [Fact]
    public async Task TwoQubitGateOnUncoupledQubits_IsRefusedWith1406()
    {
        // lagos couples 0-1 and 1-3, not 0-3.
        var job = await RunAsync("fake_lagos", "sampler", Sampler("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[1] c;\ncx $0, $1;\ncx $0, $3;\nc[0] = measure $3;\n"));

        Assert.Equal(1406, (int)job["reason_code"]!);
        Assert.Contains("line 5, column 1: gate 'cx' on $0, $3 acts on qubits that fake_lagos's coupling map does not connect", (string)job["reason_message"]!);
    }

    [Fact]
    public async Task TwoQubitGateAgainstTheCouplingDirection_IsRefusedOnADirectedMap()
    {
        // brisbane's ecr runs 17 -> 30 only.
        var qasm = DemoInputs.Sampler.Contains("ecr $17, $30;", StringComparison.Ordinal)
            ? JsonNode.Parse(DemoInputs.Sampler)!["pubs"]![0]![0]!.GetValue<string>().Replace("ecr $17, $30;", "ecr $30, $17;", StringComparison.Ordinal)
            : throw new InvalidOperationException("the demo input changed");

        var job = await RunAsync("fake_brisbane", "sampler", Sampler(qasm));

        Assert.Equal(1406, (int)job["reason_code"]!);
        Assert.Contains("gate 'ecr' on $30, $17", (string)job["reason_message"]!);
    }

    [Fact]
    public async Task UserGateThatIsNotABasisGate_IsRefusedLikeOnARealBackend()
    {
        var job = await RunAsync("fake_lagos", "sampler",
            Sampler("OPENQASM 3.0;\ninclude \"stdgates.inc\";\ngate flip q { x q; }\nbit[1] c;\nflip $0;\nc[0] = measure $0;\n"));

        Assert.Equal(1406, (int)job["reason_code"]!);
        Assert.Contains("line 5, column 1: gate 'flip' on $0", (string)job["reason_message"]!);
    }

    [Fact]
    public async Task LenientBackend_RunsGatesOutsideItsBasis()
    {
        var job = await RunAsync("fake_torino", "sampler", Sampler("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[1] c;\nh $0;\nc[0] = measure $0;\n"));

        Assert.Equal("Completed", (string)job["status"]!);
    }

    [Fact]
    public async Task PhysicalQubitNamedInAComment_IsNotRefused()
    {
        var job = await RunAsync("fake_lagos", "sampler",
            Sampler("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n// routed from $200 on the big device\nbit[1] c;\nx $0; /* not $300 either */\nc[0] = measure $0;\n"));

        Assert.Equal("Completed", (string)job["status"]!);
    }

    [Fact]
    public async Task PhysicalQubitBeyondTheBackend_IsRefusedWithLineAndColumn()
    {
        var job = await RunAsync("fake_lagos", "sampler", Sampler("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[1] c;\nx $0;\nc[0] = measure $7;\n"));

        Assert.Equal("Failed", (string)job["status"]!);
        Assert.Contains("line 5, column 16: physical qubit $7 does not exist on fake_lagos, which has qubits $0 to $6", (string)job["reason_message"]!);
    }

    private static string Sampler(string qasm) => new JsonObject
    {
        ["pubs"] = new JsonArray { new JsonArray { qasm, new JsonArray(), 32 } },
        ["version"] = 2,
    }.ToJsonString();

    private async Task<JsonObject> RunAsync(string backend, string programId, string input)
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        var id = JobRequests.NewId();
        await fixture.Storage.PutAsync(JobRequests.InputKey(id), input);
        await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Stored(fixture.Storage, id, backend, programId)));
        var job = await session.WaitForFinalAsync(id, RunTimeout, () => fixture.Emulator.Output);
        await ApiAssert.NoContentAsync(await session.DeleteAsync($"v1/jobs/{id}"));
        return job;
    }
}
