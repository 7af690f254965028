using System.Net;
using SpankQrun.Gateway.Contract;
using SpankQrun.Qrun.Gateway;
using SpankQrun.Qrun.Tests.Infrastructure;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

/// <summary>The gateway client's protocol against a stub: credentials per attempt, error bodies, presigned transfers.</summary>
public sealed class GatewayClientTests
{
    private static readonly Uri Gateway = new("http://gw.example:8291/");

    private static readonly string JobView =
        """{"id":"j-1","slurm_job_id":"7","backend":"fake_lagos","program_id":"sampler","status":"Queued","created_time":"2026-01-01T00:00:00Z"}""";

    private sealed class Credentials
    {
        private int made;

        public List<string> Payloads { get; } = [];

        public string Encode(string payload)
        {
            lock (Payloads)
            {
                Payloads.Add(payload);
                return $"cred-{++made}";
            }
        }
    }

    /// <summary>503 to the first request, then the submitted job.</summary>
    private static StubService UnavailableOnceThenAccepted()
    {
        var calls = 0;
        return new StubService((_, _) => Interlocked.Increment(ref calls) == 1
            ? StubService.Json(HttpStatusCode.ServiceUnavailable, """{"status_code":503,"title":"Slurm","errors":[]}""")
            : StubService.Json(HttpStatusCode.Accepted, JobView));
    }

    private static GatewayClient Client(StubService stub, Credentials credentials, List<string>? log = null) =>
        new(Gateway, InProcessQrun.FastRetry, line => log?.Add(line), credentials.Encode, stub.CreateHandler);

    [Fact]
    public async Task EveryAttempt_CarriesAFreshCredentialForThatMethodAndPath()
    {
        var stub = UnavailableOnceThenAccepted();
        var credentials = new Credentials();
        using var client = Client(stub, credentials);

        await client.SubmitAsync("j-1", 720, CancellationToken.None);

        Assert.Equal(["qrun-gateway/1 POST /gateway/v1/jobs/j-1/submit", "qrun-gateway/1 POST /gateway/v1/jobs/j-1/submit"], credentials.Payloads);
        Assert.Equal(["MUNGE cred-1", "MUNGE cred-2"], stub.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task AnInlineCreationRefusedAsTakenOnALaterAttempt_ReadsTheJobTheEarlierAttemptSubmitted()
    {
        // The first attempt's answer is lost (503 here): the gateway submitted the job under qrun's id, so the second
        // attempt is 409, and the job is read instead of failing the run or creating another.
        var calls = 0;
        var stub = new StubService((_, _) => Interlocked.Increment(ref calls) switch
        {
            1 => StubService.Json(HttpStatusCode.ServiceUnavailable, """{"status_code":503,"title":"lost","errors":[]}"""),
            2 => StubService.Json(HttpStatusCode.Conflict, """{"status_code":409,"title":"taken","errors":[{"code":"GW409","message":"job id j-1 is taken"}]}"""),
            _ => StubService.Json(HttpStatusCode.OK, JobView.Replace("\"status\":\"Queued\"", "\"status\":\"Running\",\"timeout_secs\":720", StringComparison.Ordinal)),
        });
        var credentials = new Credentials();
        using var client = Client(stub, credentials);

        var created = await client.CreateJobAsync(
            new CreateJobRequest { SlurmJobId = "7", Backend = "fake_lagos", ProgramId = "sampler", InputBytes = 2, Id = "j-1", Input = new InlineInput("{}"u8.ToArray()) },
            CancellationToken.None);

        Assert.Equal(("j-1", "Running", 720), (created.Id, created.Status, created.TimeoutSecs));
        Assert.Equal(["qrun-gateway/1 POST /gateway/v1/jobs", "qrun-gateway/1 POST /gateway/v1/jobs", "qrun-gateway/1 GET /gateway/v1/jobs/j-1"], credentials.Payloads);
        // Every attempt carried the input itself, byte for byte.
        Assert.All(stub.Requests.Take(2), r => Assert.Contains("\"id\":\"j-1\",\"input\":{}", r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnInlineCreationRefusedAsTakenOnItsFirstAttempt_IsAFailure()
    {
        var stub = new StubService((_, _) => StubService.Json(HttpStatusCode.Conflict, """{"status_code":409,"title":"taken","errors":[{"code":"GW409","message":"job id j-1 is taken"}]}"""));
        using var client = Client(stub, new Credentials());

        var failure = await Assert.ThrowsAsync<GatewayFailure>(() => client.CreateJobAsync(
            new CreateJobRequest { SlurmJobId = "7", Backend = "fake_lagos", ProgramId = "sampler", InputBytes = 2, Id = "j-1", Input = new InlineInput("{}"u8.ToArray()) },
            CancellationToken.None));

        Assert.Equal(409, failure.StatusCode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Submit_CarriesTheTimeoutOnEveryAttempt()
    {
        var stub = UnavailableOnceThenAccepted();
        using var client = Client(stub, new Credentials());

        await client.SubmitAsync("j-1", 720, CancellationToken.None);

        Assert.Equal(["""{"timeout_secs":720}""", """{"timeout_secs":720}"""], stub.Requests.Select(r => r.Body));
    }

    [Fact]
    public async Task Forbidden_FailsWithTheGatewaysMessageAndExitCode2()
    {
        var stub = new StubService((_, _) => StubService.Json(HttpStatusCode.Forbidden,
            """{"status_code":403,"title":"not allowed","trace":"t","errors":[{"code":"GW403","message":"Slurm job 7 was submitted for backend fake_lagos; --q-backend=fake_x in a step is not allowed","solution":"submit a job with --q-backend=fake_x"}]}"""));
        using var client = Client(stub, new Credentials());

        var failure = await Assert.ThrowsAsync<GatewayFailure>(() => client.GetJobAsync("j-1", CancellationToken.None));

        Assert.Equal(ExitCodes.UsageOrConfiguration, failure.ExitCode);
        Assert.Equal(403, failure.StatusCode);
        Assert.Contains("the qrun gateway at http://gw.example:8291/ refused: Slurm job 7 was submitted for backend fake_lagos", failure.Message);
        Assert.Contains("submit a job with --q-backend=fake_x", failure.Message);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task ServiceUnavailableAfterRetries_IsExit5NamingTheGateway()
    {
        var stub = new StubService((_, _) => StubService.Json(HttpStatusCode.ServiceUnavailable,
            """{"status_code":503,"title":"unavailable","trace":"t","errors":[{"code":"GW503D","message":"Direct Access is unreachable","solution":""}]}"""));
        var log = new List<string>();
        using var client = Client(stub, new Credentials(), log);

        var failure = await Assert.ThrowsAsync<GatewayFailure>(() => client.GetJobAsync("j-1", CancellationToken.None));

        Assert.Equal(ExitCodes.ServiceUnavailable, failure.ExitCode);
        Assert.Contains("http://gw.example:8291/", failure.Message);
        Assert.Contains("Direct Access is unreachable", failure.Message);
        Assert.Equal(InProcessQrun.FastRetry.MaxRetryAttempts + 1, stub.Requests.Count);
        Assert.Equal(InProcessQrun.FastRetry.MaxRetryAttempts, log.Count);
    }

    [Fact]
    public async Task ConflictOnARetriedSubmit_MeansAnEarlierAttemptWasAccepted()
    {
        var calls = 0;
        var stub = new StubService((request, _) => request.Method == HttpMethod.Get
            ? StubService.Json(HttpStatusCode.OK, JobView)
            : ++calls == 1
                ? new HttpResponseMessage(HttpStatusCode.BadGateway)
                : StubService.Json(HttpStatusCode.Conflict, """{"status_code":409,"title":"submitted","errors":[{"code":"GW409","message":"already submitted","solution":""}]}"""));
        using var client = Client(stub, new Credentials());

        var job = await client.SubmitAsync("j-1", 720, CancellationToken.None);

        Assert.Equal("Queued", job.Status);
    }

    [Fact]
    public async Task PresignedTransfers_CarryNoCredentialAndAreNotAskedOfTheGateway()
    {
        var stub = new StubService((request, _) => request.Method == HttpMethod.Get
            ? StubService.Json(HttpStatusCode.OK, """{"results":[]}""")
            : new HttpResponseMessage(HttpStatusCode.OK));
        var credentials = new Credentials();
        using var client = Client(stub, credentials);

        await client.UploadAsync("http://s3.example/bucket/j-1/input.json?X-Amz-Signature=abc", "{}"u8.ToArray(), CancellationToken.None);
        var results = await client.DownloadAsync("http://s3.example/bucket/j-1/results.json?X-Amz-Signature=abc", CancellationToken.None);

        Assert.Equal("""{"results":[]}""", System.Text.Encoding.UTF8.GetString(results!));
        Assert.Empty(credentials.Payloads);
        Assert.All(stub.Requests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task StorageRefusal_NamesTheUrlWithoutItsQuery()
    {
        var stub = new StubService((_, _) => new HttpResponseMessage(HttpStatusCode.Forbidden));
        using var client = Client(stub, new Credentials());

        var failure = await Assert.ThrowsAsync<GatewayFailure>(() =>
            client.UploadAsync("http://s3.example/bucket/j-1/input.json?X-Amz-Signature=topsecret", "{}"u8.ToArray(), CancellationToken.None));

        Assert.Contains("http://s3.example/bucket/j-1/input.json", failure.Message);
        Assert.DoesNotContain("topsecret", failure.Message);
    }

    [Fact]
    public async Task MungeDown_IsExit5SayingSo()
    {
        var stub = new StubService((_, _) => StubService.Json(HttpStatusCode.OK, JobView));
        using var client = new GatewayClient(Gateway, InProcessQrun.FastRetry, _ => { },
            _ => throw new Munge.MungeException(Munge.MungeStatus.Socket, "Failed to connect to munged (is munged running?)"), stub.CreateHandler);

        var failure = await Assert.ThrowsAsync<GatewayFailure>(() => client.GetJobAsync("j-1", CancellationToken.None));

        Assert.Equal(ExitCodes.ServiceUnavailable, failure.ExitCode);
        Assert.Contains("cannot make a MUNGE credential", failure.Message);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public void JobPaths_AreTheContractsPaths()
    {
        Assert.Equal("/gateway/v1/jobs/a%2Fb/submit", GatewayPaths.Submit("a/b"));
    }
}
