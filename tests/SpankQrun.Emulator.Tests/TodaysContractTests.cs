using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpankQrun.Emulator.Tests.Infrastructure;

namespace SpankQrun.Emulator.Tests;

/// <summary>
/// The IBM Quantum System REST API additions over real HTTP: GET /v1/jobs/{id}, usage and metrics, per-backend lanes,
/// backend version/locked/message, error bodies with trace, correlation_id and target, IBM-API-Version, GET /versions.
/// </summary>
public sealed class TodaysContractTests(StorageEmulatorFixture fixture) : IClassFixture<StorageEmulatorFixture>
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    // One x (60 ns) then a measurement (1400 ns) on $0: 1460 ns per shot; 250 µs repetition delay per shot.
    private const string XThenMeasure = """
        {"pubs":[["OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[1] c;\nx $0;\nc[0] = measure $0;\n",[],100]],"version":2}
        """;

    [Fact]
    public async Task GetJob_ReturnsTheJob_And404Code1291OnceDeleted()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        var id = JobRequests.NewId();
        await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Unbacked(id, TestConfigs.QueuedBackend)));

        using (var response = await session.GetAsync($"v1/jobs/{id}"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var job = await DirectAccessSession.ReadJsonAsync(response);
            Assert.Equal(id, job.GetProperty("id").GetString());
            Assert.Equal("Running", job.GetProperty("status").GetString());
            Assert.True(job.GetProperty("metrics").GetProperty("timestamps").TryGetProperty("created", out _));
            Assert.False(job.GetProperty("metrics").GetProperty("timestamps").TryGetProperty("finished", out _));
            Assert.False(job.TryGetProperty("usage", out _));
        }

        await ApiAssert.NoContentAsync(await session.PostAsync($"v1/jobs/{id}/cancel"));
        using (var cancelled = await session.GetAsync($"v1/jobs/{id}"))
        {
            var job = await DirectAccessSession.ReadJsonAsync(cancelled);
            Assert.Equal("Cancelled", job.GetProperty("status").GetString());
            Assert.Equal(0, job.GetProperty("usage").GetProperty("quantum_nanoseconds").GetInt64());
            Assert.True(job.GetProperty("metrics").GetProperty("timestamps").TryGetProperty("finished", out _));
        }

        await ApiAssert.NoContentAsync(await session.DeleteAsync($"v1/jobs/{id}"));
        using var gone = await session.GetAsync($"v1/jobs/{id}");
        var error = await ApiAssert.ErrorAsync(gone, HttpStatusCode.NotFound, "1291");
        Assert.Equal("id", error.GetProperty("target").GetProperty("name").GetString());
        Assert.Equal("parameter", error.GetProperty("target").GetProperty("type").GetString());
    }

    [Fact]
    public async Task CompletedJob_UsageAndMetrics_FollowTheScheduleModelExactly()
    {
        var first = await RunAsync("fake_lagos", "sampler", XThenMeasure);
        var second = await RunAsync("fake_lagos", "sampler", XThenMeasure);

        Assert.Equal("Completed", (string)first["status"]!);
        Assert.Equal(100L * 1460, (long)first["metrics"]!["circuits_execution_time_ns"]!);
        Assert.Equal(100L * (1460 + 250_000), (long)first["usage"]!["quantum_nanoseconds"]!);
        Assert.NotNull(first["metrics"]!["timestamps"]!["finished"]);
        // Deterministic: the same circuit costs the same, whatever the machine's speed.
        Assert.Equal((long)first["usage"]!["quantum_nanoseconds"]!, (long)second["usage"]!["quantum_nanoseconds"]!);
    }

    [Fact]
    public async Task FailedJob_ReportsZeroUsageAndFinishedTimestamp()
    {
        var job = await RunAsync("fake_lagos", "sampler", """{"pubs":[["OPENQASM 3.0; frobnicate $0;"]],"version":2}""");

        Assert.Equal("Failed", (string)job["status"]!);
        Assert.Equal(0L, (long)job["usage"]!["quantum_nanoseconds"]!);
        Assert.NotNull(job["metrics"]!["timestamps"]!["finished"]);
        Assert.Null(job["metrics"]!["circuits_execution_time_ns"]);
    }

    [Fact]
    public async Task Lanes_ReportsTheBackendsOwnLanes_AndSubmissionBeyondThemGets429Code1232()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        using (var lanes = await session.GetAsync($"v1/backends/{TestConfigs.NarrowBackend}/lanes"))
        {
            Assert.Equal(HttpStatusCode.OK, lanes.StatusCode);
            var body = await DirectAccessSession.ReadJsonAsync(lanes);
            Assert.Equal(TestConfigs.NarrowLanes, body.GetProperty("hpc_workload_manager").GetProperty("lanes").GetInt32());
            Assert.Equal(0, body.GetProperty("ibm_quantum_compute").GetProperty("lanes").GetInt32());
        }

        var ids = new[] { JobRequests.NewId(), JobRequests.NewId() };
        foreach (var id in ids)
            await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Unbacked(id, TestConfigs.NarrowBackend)));

        using (var full = await session.SubmitAsync(JobRequests.Unbacked(JobRequests.NewId(), TestConfigs.NarrowBackend)))
        {
            var error = await ApiAssert.ErrorAsync(full, HttpStatusCode.TooManyRequests, "1232");
            Assert.Contains(TestConfigs.NarrowBackend, error.GetProperty("message").GetString());
        }

        // Another backend's lanes are not affected.
        var other = JobRequests.NewId();
        await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Unbacked(other, TestConfigs.QueuedBackend)));

        // Deleting one job frees one lane of the backend at once.
        await ApiAssert.NoContentAsync(await session.PostAsync($"v1/jobs/{ids[0]}/cancel"));
        await ApiAssert.NoContentAsync(await session.DeleteAsync($"v1/jobs/{ids[0]}"));
        var again = JobRequests.NewId();
        await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Unbacked(again, TestConfigs.NarrowBackend)));

        foreach (var id in new[] { ids[1], other, again })
        {
            await ApiAssert.NoContentAsync(await session.PostAsync($"v1/jobs/{id}/cancel"));
            await ApiAssert.NoContentAsync(await session.DeleteAsync($"v1/jobs/{id}"));
        }
    }

    [Fact]
    public async Task Lanes_OfUnknownBackend_Is404Code1216()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);

        using var response = await session.GetAsync("v1/backends/ibm_nowhere/lanes");

        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "1216");
    }

    [Fact]
    public async Task Backend_ReportsVersionMessageAndLocked()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);

        using var response = await session.GetAsync($"v1/backends/{TestConfigs.NarrowBackend}");

        var body = await DirectAccessSession.ReadJsonAsync(response);
        Assert.Equal("online", body.GetProperty("status").GetString());
        Assert.Equal("2.5.1", body.GetProperty("version").GetString());
        Assert.Equal("maintenance on Tuesday", body.GetProperty("message").GetString());
        Assert.False(body.GetProperty("locked").GetBoolean());
    }

    [Fact]
    public async Task ErrorBody_HasTraceCorrelationIdAndTarget()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        var body = JobRequests.Unbacked(JobRequests.NewId());
        body["timeout_secs"] = 0;

        using var response = await session.SubmitAsync(body);

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "1200");
        var root = await DirectAccessSession.ReadJsonAsync(response);
        Assert.False(string.IsNullOrEmpty(root.GetProperty("trace").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("correlation_id").GetString()));
        Assert.Equal("timeout_secs", error.GetProperty("target").GetProperty("name").GetString());
        Assert.Equal("field", error.GetProperty("target").GetProperty("type").GetString());
        Assert.Equal("timeout_secs", error.GetProperty("location").GetString());
    }

    [Fact]
    public async Task ApiVersionHeader_IsAccepted_AndAMalformedOneIs400NamingTheHeader()
    {
        using var http = DirectAccessSession.CreateHttpClient(fixture.Emulator.Endpoint);
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);

        using (var good = new HttpRequestMessage(HttpMethod.Get, "v1/backends"))
        {
            good.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
            good.Headers.Add("Service-CRN", DirectAccessSession.ServiceCrn);
            good.Headers.Add("IBM-API-Version", "2026-01-01");
            using var response = await http.SendAsync(good);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var bad = new HttpRequestMessage(HttpMethod.Get, "v1/backends");
        bad.Headers.Add("IBM-API-Version", "yesterday");
        using var refused = await http.SendAsync(bad);
        var error = await ApiAssert.ErrorAsync(refused, HttpStatusCode.BadRequest, "1200");
        Assert.Equal("IBM-API-Version", error.GetProperty("target").GetProperty("name").GetString());
        Assert.Equal("header", error.GetProperty("target").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Versions_ListsTheApiVersionDates_WithoutAuthentication()
    {
        using var http = DirectAccessSession.CreateHttpClient(fixture.Emulator.Endpoint);

        using var response = await http.GetAsync("versions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectAccessSession.ReadJsonAsync(response);
        Assert.Contains(body.GetProperty("versions").EnumerateArray(), version => DateOnly.TryParse(version.GetString(), out _));
        Assert.Equal("0.7.0", body.GetProperty("version").GetString());
    }

    private async Task<JsonObject> RunAsync(string backend, string programId, string input)
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        var id = JobRequests.NewId();
        await fixture.Storage.PutAsync(JobRequests.InputKey(id), input);
        await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Stored(fixture.Storage, id, backend, programId)));
        await session.WaitForFinalAsync(id, RunTimeout, () => fixture.Emulator.Output);
        using var response = await session.GetAsync($"v1/jobs/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var job = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        await ApiAssert.NoContentAsync(await session.DeleteAsync($"v1/jobs/{id}"));
        return job;
    }
}
