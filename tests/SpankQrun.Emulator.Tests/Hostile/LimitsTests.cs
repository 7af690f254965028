using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SpankQrun.Emulator.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Emulator.Tests.Hostile;

/// <summary>Request body and input caps, allowed storage hosts, redirects, and the memory budget.</summary>
[Collection(HeavyCollection.Name)]
public sealed partial class LimitsTests(HostileFixture fixture) : IClassFixture<HostileFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TokenForm_OfTenMegabytes_Is413WithTheErrorBody_AndLoggedAs413()
    {
        using var http = DirectAccessSession.CreateHttpClient(fixture.Emulator.Endpoint);
        var form = "grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Aapikey&apikey=" + new string('k', 10 * 1024 * 1024);

        using var response = await http.PostAsync("identity/token", new StringContent(form, Encoding.ASCII, "application/x-www-form-urlencoded"));

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "1202");
        Assert.Contains("1048576 bytes", error.GetProperty("message").GetString());
        await WaitForLogAsync("POST /identity/token -> 413");
        Assert.DoesNotContain("kkkkkkkk", fixture.Emulator.Output);
    }

    [Fact]
    public async Task JobBody_OverThirtyMegabytes_Is413_AndNoStackTraceIsLogged()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        var body = JobRequests.Unbacked(JobRequests.NewId());
        body["padding"] = new string(' ', 31 * 1024 * 1024);

        using var response = await session.SubmitAsync(body);

        await ApiAssert.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "1202");
        await WaitForLogAsync("POST /v1/jobs -> 413");
        Assert.DoesNotContain("   at ", fixture.Emulator.Output);
    }

    [Fact]
    public async Task ChunkedJobBody_OverTheLimit_Is413WhenTheLimitIsReached()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        using var http = DirectAccessSession.CreateHttpClient(fixture.Emulator.Endpoint);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/jobs")
        {
            // No Content-Length: the server only finds out while reading.
            Content = new StreamContent(new PaddedJson(2 * 1024 * 1024)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        request.Headers.Add("Service-CRN", DirectAccessSession.ServiceCrn);

        using var response = await http.SendAsync(request);

        await ApiAssert.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "1202");
    }

    [Fact]
    public async Task InputObject_LargerThanMaxInputBytes_FailsWith1408()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorServerOptions(
            HostileFixture.Config(extra: new JsonObject { ["max_input_bytes"] = 1024 })));
        using var session = await DirectAccessSession.OpenAsync(emulator.Endpoint);
        var id = JobRequests.NewId();
        await fixture.Storage.PutAsync(JobRequests.InputKey(id), HostileInputs.Wide(qubits: 20, rounds: 10));

        await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Stored(fixture.Storage, id, HostileFixture.Backend, "sampler")));
        var job = await session.WaitForFinalAsync(id, Patience, () => emulator.Output);

        Assert.Equal(1408, (int)job["reason_code"]!);
        Assert.Contains("max_input_bytes (1024 bytes)", (string)job["reason_message"]!);
        Assert.DoesNotContain("X-Amz", (string)job["reason_message"]!);
    }

    [Fact]
    public async Task StorageUrl_OnAHostThatIsNotAllowed_FailsWith1407WithoutAnyRequest()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        var id = JobRequests.NewId();
        var body = JobRequests.Unbacked(id, HostileFixture.Backend);
        body["storage"]!["input"]!["presigned_url"] = "http://10.255.255.1/bucket/input.json?X-Amz-Signature=very-secret";

        await ApiAssert.NoContentAsync(await session.SubmitAsync(body));
        var started = DateTime.UtcNow;
        var job = await session.WaitForFinalAsync(id, Patience, () => fixture.Emulator.Output);

        Assert.Equal(1407, (int)job["reason_code"]!);
        Assert.Contains("'10.255.255.1' is not an allowed storage host", (string)job["reason_message"]!);
        Assert.DoesNotContain("very-secret", (string)job["reason_message"]!);
        // A connection attempt to that address would hang for the connect timeout.
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        await ApiAssert.NoContentAsync(await session.DeleteAsync($"v1/jobs/{id}"));
    }

    [Fact]
    public async Task StorageEndpoints_AreTheOnlyHostsWhenLoopbackIsNotAllowed()
    {
        var s3 = fixture.S3.Endpoint.GetLeftPart(UriPartial.Authority);
        var other = new UriBuilder(fixture.S3.Endpoint) { Host = "localhost" }.Uri.GetLeftPart(UriPartial.Authority);
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorServerOptions(HostileFixture.Config(lanes: 2, extra: new JsonObject
        {
            ["allow_loopback_storage"] = false,
            ["storage_endpoints"] = new JsonArray { s3 },
        })));
        using var session = await DirectAccessSession.OpenAsync(emulator.Endpoint);
        var allowed = JobRequests.NewId();
        await fixture.Storage.PutAsync(JobRequests.InputKey(allowed), JobExecutionTests.SmallSampler);
        await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Stored(fixture.Storage, allowed, HostileFixture.Backend, "sampler")));
        var refused = JobRequests.NewId();
        var body = JobRequests.Stored(fixture.Storage, refused, HostileFixture.Backend, "sampler");
        body["storage"]!["input"]!["presigned_url"] = ((string)body["storage"]!["input"]!["presigned_url"]!).Replace(s3, other, StringComparison.Ordinal);
        await ApiAssert.NoContentAsync(await session.SubmitAsync(body));

        Assert.Equal("Completed", (string)(await session.WaitForFinalAsync(allowed, Patience, () => emulator.Output))["status"]!);
        Assert.Equal(1407, (int)(await session.WaitForFinalAsync(refused, Patience, () => emulator.Output))["reason_code"]!);
    }

    [Fact]
    public async Task StorageRedirect_IsNotFollowed_AndFailsTheJobNamingIt()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        var id = JobRequests.NewId();
        await fixture.Storage.PutAsync(JobRequests.InputKey(id), JobExecutionTests.SmallSampler);
        var body = JobRequests.Stored(fixture.Storage, id, HostileFixture.Backend, "sampler");
        await using var redirect = new RedirectServer((string)body["storage"]!["input"]!["presigned_url"]!);
        body["storage"]!["input"]!["presigned_url"] = redirect.Url(JobRequests.InputKey(id));

        await ApiAssert.NoContentAsync(await session.SubmitAsync(body));
        var job = await session.WaitForFinalAsync(id, Patience, () => fixture.Emulator.Output);

        Assert.Equal(1401, (int)job["reason_code"]!);
        Assert.Contains("redirects are not followed", (string)job["reason_message"]!);
        Assert.Equal(1, redirect.Requests);
        Assert.DoesNotContain("redirect-secret", (string)job["reason_message"]!);
        await ApiAssert.NoContentAsync(await session.DeleteAsync($"v1/jobs/{id}"));
    }

    [Fact]
    public async Task MemoryBudget_RunsConcurrentLargeJobsWithinIt_AndRefusesAJobThatCanNeverFit()
    {
        const long MiB = 1024 * 1024;
        const long budget = 120 * MiB;
        const int holdSecs = 5;
        // Each job holds its memory for at least execution_delay_secs, however fast the simulator is. The third job is
        // submitted once the first two hold theirs, so it must wait for one of them whatever the machine's load.
        var config = JsonNode.Parse(HostileFixture.Config(lanes: 4, memoryBudget: budget))!;
        config["backends"]![0]!["execution_delay_secs"] = holdSecs;
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorServerOptions(config.ToJsonString()));
        using var session = await DirectAccessSession.OpenAsync(emulator.Endpoint);

        // 20 qubits: a 16 MiB state, about 48 MiB reserved each, so two fit in the budget and three do not.
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = JobRequests.NewId();
            await fixture.Storage.PutAsync(JobRequests.InputKey(id), HostileInputs.Wide(qubits: 20, rounds: 1));
            ids.Add(id);
        }

        foreach (var id in ids.Take(2))
            await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Stored(fixture.Storage, id, HostileFixture.Backend, "sampler")));
        await WaitForLogAsync(emulator, $"Job {ids[0]} holds", TimeSpan.FromSeconds(60));
        await WaitForLogAsync(emulator, $"Job {ids[1]} holds", TimeSpan.FromSeconds(60));
        await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Stored(fixture.Storage, ids[2], HostileFixture.Backend, "sampler")));

        var huge = JobRequests.NewId();
        await fixture.Storage.PutAsync(JobRequests.InputKey(huge), HostileInputs.Wide(qubits: 22, rounds: 1));
        await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Stored(fixture.Storage, huge, HostileFixture.Backend, "sampler")));

        var refused = await session.WaitForFinalAsync(huge, Patience, () => emulator.Output);
        Assert.Equal(1409, (int)refused["reason_code"]!);
        Assert.Contains("memory_budget_bytes", (string)refused["reason_message"]!);

        var logs = new List<string>();
        foreach (var id in ids)
        {
            var job = await session.WaitForFinalAsync(id, TimeSpan.FromMinutes(3), () => emulator.Output);
            Assert.Equal("Completed", (string)job["status"]!);
            logs.Add(await fixture.Storage.GetOrNullAsync(JobRequests.LogsKey(id)) ?? "");
        }

        var reservations = logs.Select(log => MemoryReservedLine().Match(log)).ToList();
        Assert.All(reservations, match => Assert.True(match.Success, $"no 'memory reserved' line in:\n{string.Join("\n---\n", logs)}"));
        var needed = reservations.Select(match => long.Parse(match.Groups["needed"].Value, CultureInfo.InvariantCulture)).Distinct().Single();
        var held = reservations.Select(match => long.Parse(match.Groups["held"].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(2 * needed <= budget / MiB && 3 * needed > budget / MiB, $"the premise: two jobs of {needed} MiB fit in {budget / MiB} MiB, three do not");
        // Never more than fits (so never three at once), and two at once when they fit.
        Assert.All(held, bytes => Assert.InRange(bytes, needed, budget / MiB));
        Assert.Equal(2 * needed, held.Max());

        // Exactly one job waited, and got its memory only once one of the others had held it for execution_delay_secs.
        var waited = Enumerable.Range(0, logs.Count).Where(i => logs[i].Contains("waiting for memory", StringComparison.Ordinal)).ToList();
        Assert.True(waited.SequenceEqual([2]), $"jobs {string.Join(", ", waited)} waited for memory, expected only job 2; their logs:\n{string.Join("\n---\n", logs)}");
        const int waiter = 2;
        var grantedAt = Timestamp(reservations[waiter]);
        var firstOthers = Enumerable.Range(0, logs.Count).Where(i => i != waiter).Select(i => Timestamp(reservations[i])).Min();
        Assert.True(grantedAt - firstOthers >= TimeSpan.FromSeconds(holdSecs - 0.5),
            $"the waiting job got its memory {(grantedAt - firstOthers).TotalSeconds:F2} s after the first running job; it holds it for {holdSecs} s");

        // Admission kept the process near the budget: the peak resident size includes the runtime's own ~100 MiB.
        var (_, peak) = ProcessStats.Memory(emulator.ProcessId!.Value);
        Assert.True(peak < budget + (160L * 1024 * 1024), $"peak RSS {peak / (1024 * 1024)} MiB with a {budget / (1024 * 1024)} MiB budget");
    }

    private static DateTimeOffset Timestamp(Match logLine) =>
        DateTimeOffset.Parse(logLine.Groups["time"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [GeneratedRegex(@"^(?<time>\S+) INFO memory reserved: (?<needed>[0-9]+) MiB, (?<held>[0-9]+) of [0-9]+ MiB now held", RegexOptions.Multiline)]
    private static partial Regex MemoryReservedLine();

    private static async Task WaitForLogAsync(EmulatorServer emulator, string text, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!emulator.Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no log line '{text}' in:\n{emulator.Output}");
            await Task.Delay(100);
        }
    }

    private async Task WaitForLogAsync(string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!fixture.Emulator.Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no log line '{text}' in:\n{fixture.Emulator.Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>A JSON object with a long string member, produced on the fly (no length known up front).</summary>
    private sealed class PaddedJson(int padding) : Stream
    {
        private readonly byte[] _head = Encoding.ASCII.GetBytes("{\"id\":\"x\",\"padding\":\"");
        private readonly byte[] _tail = Encoding.ASCII.GetBytes("\"}");
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var total = _head.Length + padding + _tail.Length;
            var written = 0;
            while (written < count && _position < total)
            {
                buffer[offset + written] = _position < _head.Length ? _head[_position]
                    : _position < _head.Length + padding ? (byte)'p'
                    : _tail[_position - _head.Length - padding];
                _position++;
                written++;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
