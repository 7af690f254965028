using System.Net;
using SpankQrun.DirectAccess;
using SpankQrun.DirectAccess.Auth;
using SpankQrun.DirectAccess.Http;
using SpankQrun.DirectAccess.Jobs;
using SpankQrun.Qrun.Tests.Infrastructure;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

/// <summary>Token handling, retries and submit semantics against an in-memory service.</summary>
public sealed class DirectAccessClientTests
{
    private static readonly Uri Endpoint = new("http://da.test/");
    private static readonly RetrySettings Fast = new(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(5));
    private static readonly AppIdCredentials AppId = new("client", "appid-secret");
    private const string EmptyList = """{"jobs":[]}""";

    private static DirectAccessClient Client(StubService service, DirectAccessCredentials? credentials = null, TimeProvider? time = null) =>
        new(new DirectAccessClientOptions(Endpoint, credentials ?? AppId) { Retry = Fast, Time = time ?? TimeProvider.System }, service.CreateHandler);

    [Fact]
    public async Task ListJobs_Answered401_FetchesOneNewTokenAndSucceeds()
    {
        var tokens = 0;
        var service = new StubService((request, _) => request.RequestUri!.AbsolutePath switch
        {
            "/v1/token" => StubService.Token($"token-{++tokens}"),
            _ when request.Headers.Authorization?.Parameter == "token-1" => new HttpResponseMessage(HttpStatusCode.Unauthorized),
            _ => StubService.Json(HttpStatusCode.OK, EmptyList),
        });
        using var client = Client(service);

        var jobs = await client.ListJobsAsync(CancellationToken.None);

        Assert.Empty(jobs);
        Assert.Equal(2, service.Count("/v1/token"));
    }

    [Fact]
    public async Task ListJobs_Always401_FailsAsAuthenticationAfterOneRefresh()
    {
        var service = new StubService((request, _) => request.RequestUri!.AbsolutePath == "/v1/token"
            ? StubService.Token("t")
            : new HttpResponseMessage(HttpStatusCode.Unauthorized));
        using var client = Client(service);

        var exception = await Assert.ThrowsAsync<DirectAccessException>(() => client.ListJobsAsync(CancellationToken.None));

        Assert.Equal(DirectAccessFailure.Authentication, exception.Failure);
        Assert.Equal(2, service.Count("/v1/jobs"));
    }

    [Theory]
    [InlineData(89, 1)] // before 90% of its 100 s lifetime: the token is reused
    [InlineData(91, 2)] // after: it is refreshed before the call
    public async Task Token_IsReusedUntil90PercentOfItsLifetimeThenRefreshed(int secondsLater, int tokenRequests)
    {
        var time = new ManualTimeProvider();
        var service = new StubService((request, _) => request.RequestUri!.AbsolutePath == "/v1/token"
            ? StubService.Token("t", expiresIn: 100)
            : StubService.Json(HttpStatusCode.OK, EmptyList));
        using var client = Client(service, time: time);

        await client.ListJobsAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(secondsLater));
        await client.ListJobsAsync(CancellationToken.None);

        Assert.Equal(tokenRequests, service.Count("/v1/token"));
    }

    [Fact]
    public async Task Iam_TokenRequestIsApiKeyFormAndEveryCallCarriesServiceCrn()
    {
        var service = new StubService((request, _) => request.RequestUri!.AbsolutePath == "/identity/token"
            ? StubService.Token("t")
            : StubService.Json(HttpStatusCode.OK, EmptyList));
        using var client = Client(service, new IamCredentials("iam-key", "crn:v1:test::", new Uri("http://iam.test/")));

        await client.ListJobsAsync(CancellationToken.None);

        var token = Assert.Single(service.Requests, request => request.Path == "/identity/token");
        Assert.Equal("grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Aapikey&apikey=iam-key", token.Body);
        var list = Assert.Single(service.Requests, request => request.Path == "/v1/jobs");
        Assert.Equal("crn:v1:test::", list.ServiceCrn);
        Assert.Equal("Bearer t", list.Authorization);
    }

    [Fact]
    public async Task ListJobs_TransientFailuresThenSuccess_IsRetried()
    {
        var calls = 0;
        var service = new StubService((request, _) => request.RequestUri!.AbsolutePath == "/v1/token"
            ? StubService.Token("t")
            : ++calls switch
            {
                1 => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
                2 => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new(TimeSpan.FromMilliseconds(1)) } },
                _ => StubService.Json(HttpStatusCode.OK, EmptyList),
            });
        using var client = Client(service);

        await client.ListJobsAsync(CancellationToken.None);

        Assert.Equal(3, service.Count("/v1/jobs"));
    }

    [Fact]
    public async Task SubmitJob_DuplicateAfterRetry_CountsAsAccepted()
    {
        var submits = 0;
        var service = new StubService((request, _) => request.RequestUri!.AbsolutePath == "/v1/token"
            ? StubService.Token("t")
            : ++submits == 1
                ? new HttpResponseMessage(HttpStatusCode.BadGateway)
                : StubService.Json(HttpStatusCode.Conflict, """{"status_code":409,"title":"Conflict","errors":[{"code":"1231","message":"duplicate id"}]}"""));
        using var client = Client(service);

        await client.SubmitJobAsync(new JobSubmission { Id = "j1" }, CancellationToken.None);

        Assert.Equal(2, service.Count("/v1/jobs"));
    }

    [Fact]
    public async Task SubmitJob_DuplicateOnFirstAttempt_IsRefusedWithTheCode()
    {
        var service = new StubService((request, _) => request.RequestUri!.AbsolutePath == "/v1/token"
            ? StubService.Token("t")
            : StubService.Json(HttpStatusCode.Conflict, """{"status_code":409,"title":"Conflict","errors":[{"code":"1231","message":"duplicate id"}]}"""));
        using var client = Client(service);

        var exception = await Assert.ThrowsAsync<DirectAccessException>(() => client.SubmitJobAsync(new JobSubmission { Id = "j1" }, CancellationToken.None));

        Assert.Equal(DirectAccessFailure.Refused, exception.Failure);
        Assert.Equal("1231", exception.ErrorCode);
    }

    [Fact]
    public async Task SubmitJob_Body_CarriesContractFieldNames()
    {
        var service = new StubService((request, _) => request.RequestUri!.AbsolutePath == "/v1/token"
            ? StubService.Token("t")
            : new HttpResponseMessage(HttpStatusCode.NoContent));
        using var client = Client(service);

        await client.SubmitJobAsync(
            new JobSubmission { Id = "j1", Backend = "fake_lagos", ProgramId = "sampler", TimeoutSecs = 60, Storage = new() { Input = new() { PresignedUrl = "http://s3/in" } } },
            CancellationToken.None);

        var body = Assert.Single(service.Requests, request => request.Path == "/v1/jobs").Body;
        Assert.Equal(
            """{"id":"j1","backend":"fake_lagos","program_id":"sampler","log_level":"info","timeout_secs":60,"storage":{"input":{"type":"s3_compatible","presigned_url":"http://s3/in"},"results":{"type":"s3_compatible","presigned_url":""}}}""",
            body);
    }

    [Fact]
    public async Task Failure_WithPresignedUrlInErrorBody_DoesNotLeakQueryString()
    {
        var service = new StubService((request, _) => request.RequestUri!.AbsolutePath == "/v1/token"
            ? StubService.Token("t")
            : StubService.Json(HttpStatusCode.BadRequest, """{"errors":[{"code":"1400","message":"bad url http://s3/in?X-Amz-Signature=deadbeef"}]}"""));
        using var client = Client(service);

        var exception = await Assert.ThrowsAsync<DirectAccessException>(() => client.ListJobsAsync(CancellationToken.None));

        Assert.Contains("http://s3/in?<redacted>", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("deadbeef", exception.Message, StringComparison.Ordinal);
    }
}
