using System.Text.Json;
using SpankQrun.Emulator.Tests.Infrastructure;

namespace SpankQrun.Emulator.Tests;

/// <summary>Jobs run end to end: input from s3rver through presigned GET, results and logs back through presigned PUT.</summary>
public sealed class JobExecutionTests(StorageEmulatorFixture fixture) : IClassFixture<StorageEmulatorFixture>
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SamplerDemo_Completes_WithTenThousandSevenBitSamples()
    {
        var (job, results) = await RunAsync("fake_brisbane", "sampler", DemoInputs.Sampler);

        Assert.Equal("Completed", (string)job["status"]!);
        var meas = results.GetProperty("results")[0].GetProperty("data").GetProperty("meas");
        Assert.Equal(7, meas.GetProperty("num_bits").GetInt32());
        Assert.Equal(10_000, meas.GetProperty("samples").GetArrayLength());
    }

    [Fact]
    public async Task SamplerDemo_Completes_WithUntouchedQubitsAlwaysZero()
    {
        var (_, results) = await RunAsync("fake_brisbane", "sampler", DemoInputs.Sampler);

        // meas[1] and meas[3] measure $31 and $92, which no gate touches.
        Assert.All(Samples(results), sample => Assert.Equal(0, sample & 0b1010));
    }

    [Fact]
    public async Task SamplerDemo_Completes_WithSingleQubitMarginalsOfTheCircuit()
    {
        var (_, results) = await RunAsync("fake_brisbane", "sampler", DemoInputs.Sampler);
        var samples = Samples(results);

        // $9 and $78 get rz(c) sx rz(b) sx rz(a): P(1) = cos^2(b/2) with b = -2.7488935718910685, about 0.0381.
        // $47 has b = -2.3561944901923457 (-3pi/4): P(1) = cos^2(3pi/8), about 0.1464. 10000 shots: +-5 sigma.
        Assert.InRange(Frequency(samples, bit: 0), 0.028, 0.048);
        Assert.InRange(Frequency(samples, bit: 6), 0.028, 0.048);
        Assert.InRange(Frequency(samples, bit: 5), 0.129, 0.164);
    }

    [Fact]
    public async Task EstimatorDemo_Completes_WithBellPairCorrelationsOfOne()
    {
        var (job, results) = await RunAsync("fake_cairo", "estimator", DemoInputs.Estimator);

        Assert.Equal("Completed", (string)job["status"]!);
        var evs = results.GetProperty("results")[0].GetProperty("data").GetProperty("evs").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(6, evs.Length);
        Assert.Equal(1.0, evs[4], 6); // ZZ on $13 $14
        Assert.Equal(1.0, evs[5], 6); // XX on $13 $14
        Assert.All(evs[..4], single => Assert.InRange(single, -0.1, 0.1));
    }

    [Fact]
    public async Task CompletedJob_HasEndTimeAndQuantumNanoseconds()
    {
        var (job, _) = await RunAsync("fake_cairo", "estimator", DemoInputs.Estimator);

        Assert.True(DateTimeOffset.Parse((string)job["end_time"]!) >= DateTimeOffset.Parse((string)job["created_time"]!));
        Assert.True((long)job["usage"]!["quantum_nanoseconds"]! > 0);
        Assert.Null(job["reason_code"]);
    }

    [Fact]
    public async Task CompletedJob_WritesPlainTextLogLines()
    {
        var id = JobRequests.NewId();
        await RunAsync("fake_lagos", "sampler", SmallSampler, id);

        var logs = await fixture.Storage.GetOrNullAsync(JobRequests.LogsKey(id));

        Assert.NotNull(logs);
        Assert.Contains(" INFO ", logs);
        Assert.Contains("completed", logs);
    }

    [Fact]
    public async Task FailedJob_WritesLogEndingWithTheReason()
    {
        var id = JobRequests.NewId();
        await RunAsync("fake_lagos", "sampler", BadGateSampler, id, expectResults: false);

        var logs = await fixture.Storage.GetOrNullAsync(JobRequests.LogsKey(id));

        Assert.NotNull(logs);
        Assert.Contains(" ERROR pub 0: line 4", logs);
    }

    [Fact]
    public async Task Job_WithLogLevelError_LeavesInfoLinesOutOfItsLog()
    {
        var id = JobRequests.NewId();
        await RunAsync("fake_lagos", "sampler", BadGateSampler, id, expectResults: false, logLevel: "error");

        var logs = await fixture.Storage.GetOrNullAsync(JobRequests.LogsKey(id));

        Assert.NotNull(logs);
        Assert.DoesNotContain(" INFO ", logs);
        Assert.Contains(" ERROR ", logs);
    }

    [Fact]
    public async Task BadCircuit_Fails_WithReasonNamingLineAndColumn()
    {
        var (job, _) = await RunAsync("fake_lagos", "sampler", BadGateSampler, expectResults: false);

        Assert.Equal("Failed", (string)job["status"]!);
        Assert.Equal(1403, (int)job["reason_code"]!);
        Assert.Contains("pub 0: line 4, column 1", (string)job["reason_message"]!);
        Assert.NotNull(job["reason_code"]);
        Assert.False(string.IsNullOrEmpty((string?)job["reason_solution"]));
        Assert.NotNull(job["end_time"]);
    }

    [Fact]
    public async Task InvalidPubsDocument_Fails_WithReasonNamingTheJsonPath()
    {
        const string input = """{"pubs":[["OPENQASM 3.0; bit[1] c; c[0] = measure $0;",[],"many"]],"version":2}""";

        var (job, _) = await RunAsync("fake_lagos", "sampler", input, expectResults: false);

        Assert.Equal("Failed", (string)job["status"]!);
        Assert.Equal(1402, (int)job["reason_code"]!);
        Assert.Contains("$.pubs[0]", (string)job["reason_message"]!);
    }

    [Fact]
    public async Task CircuitUsingQubitBeyondBackend_Fails_NamingQubitAndPosition()
    {
        const string input = """
            {"pubs":[["OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[1] meas;\nx $9;\nmeas[0] = measure $9;\n",[],16]],"version":2}
            """;

        var (job, _) = await RunAsync("fake_lagos", "sampler", input, expectResults: false);

        Assert.Equal("Failed", (string)job["status"]!);
        Assert.Contains("line 4, column 3", (string)job["reason_message"]!);
        Assert.Contains("$9", (string)job["reason_message"]!);
    }

    [Fact]
    public async Task MissingInputObject_Fails_WithReasonNamingTheObjectButNotTheSignature()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        var id = JobRequests.NewId();
        await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Stored(fixture.Storage, id, "fake_lagos", "sampler")));

        var job = await session.WaitForFinalAsync(id, RunTimeout, () => fixture.Emulator.Output);

        Assert.Equal("Failed", (string)job["status"]!);
        Assert.Equal(1401, (int)job["reason_code"]!);
        Assert.Contains(JobRequests.InputKey(id), (string)job["reason_message"]!);
        Assert.DoesNotContain("X-Amz", (string)job["reason_message"]!);
        await ApiAssert.NoContentAsync(await session.DeleteAsync($"v1/jobs/{id}"));
    }

    [Fact]
    public async Task Cancel_OfJobInLongExecution_IsCancelledPromptlyAndWritesNoResults()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        var id = JobRequests.NewId();
        await fixture.Storage.PutAsync(JobRequests.InputKey(id), SmallSampler);
        await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Stored(fixture.Storage, id, TestConfigs.SlowBackend, "sampler")));
        await Task.Delay(500);

        var started = DateTime.UtcNow;
        await ApiAssert.NoContentAsync(await session.PostAsync($"v1/jobs/{id}/cancel"));
        var job = await session.WaitForFinalAsync(id, TimeSpan.FromSeconds(5));

        Assert.Equal("Cancelled", (string)job["status"]!);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        await Task.Delay(500);
        Assert.Null(await fixture.Storage.GetOrNullAsync(JobRequests.ResultsKey(id)));
        await ApiAssert.NoContentAsync(await session.DeleteAsync($"v1/jobs/{id}"));
    }

    [Fact]
    public async Task Job_RunningPastTimeoutSecs_FailsWithTimeoutReason()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        var id = JobRequests.NewId();
        await fixture.Storage.PutAsync(JobRequests.InputKey(id), SmallSampler);
        var started = DateTime.UtcNow;
        await ApiAssert.NoContentAsync(await session.SubmitAsync(
            JobRequests.Stored(fixture.Storage, id, TestConfigs.SlowBackend, "sampler", timeoutSecs: 1)));

        var job = await session.WaitForFinalAsync(id, TimeSpan.FromSeconds(15));

        Assert.Equal("Failed", (string)job["status"]!);
        Assert.Equal(1405, (int)job["reason_code"]!);
        Assert.Contains("timeout_secs of 1 s", (string)job["reason_message"]!);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        await ApiAssert.NoContentAsync(await session.DeleteAsync($"v1/jobs/{id}"));
    }

    private const string BadGateSampler = """
        {"pubs":[["OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[1] meas;\nfrobnicate $0;\nmeas[0] = measure $0;\n",[],16]],"version":2}
        """;

    internal const string SmallSampler = """
        {"pubs":[["OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[2] meas;\nx $0;\ncx $0, $1;\nmeas[0] = measure $0;\nmeas[1] = measure $1;\n",[],64]],"version":2}
        """;

    private async Task<(System.Text.Json.Nodes.JsonObject Job, JsonElement Results)> RunAsync(string backend, string programId, string input,
        string? id = null, bool expectResults = true, string logLevel = "info")
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        id ??= JobRequests.NewId();
        await fixture.Storage.PutAsync(JobRequests.InputKey(id), input);
        var body = JobRequests.Stored(fixture.Storage, id, backend, programId);
        body["log_level"] = logLevel;
        await ApiAssert.NoContentAsync(await session.SubmitAsync(body));

        var job = await session.WaitForFinalAsync(id, RunTimeout, () => fixture.Emulator.Output);
        await ApiAssert.NoContentAsync(await session.DeleteAsync($"v1/jobs/{id}"));

        var results = await fixture.Storage.GetOrNullAsync(JobRequests.ResultsKey(id));
        if (!expectResults)
            return (job, default);
        Assert.True(results is not null, $"no results object; job {job["status"]}: {job["reason_message"]}");
        using var document = JsonDocument.Parse(results);
        return (job, document.RootElement.Clone());
    }

    private static int[] Samples(JsonElement results) =>
        [.. results.GetProperty("results")[0].GetProperty("data").GetProperty("meas").GetProperty("samples").EnumerateArray()
            .Select(sample => Convert.ToInt32(sample.GetString()![2..], 16))];

    private static double Frequency(int[] samples, int bit) => samples.Count(sample => (sample >> bit & 1) == 1) / (double)samples.Length;
}
