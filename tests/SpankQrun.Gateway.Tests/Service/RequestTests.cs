using System.Net;
using SpankQrun.Gateway.Contract;
using SpankQrun.Gateway.Tests.Infrastructure;
using SpankQrun.Munge;

namespace SpankQrun.Gateway.Tests.Service;

/// <summary>Authentication and bad input over real HTTP, before Slurm is asked (no Slurm job needed).</summary>
public sealed class RequestTests(SharedGateway shared) : IClassFixture<SharedGateway>
{
    private readonly GatewayEnvironment environment = shared.Environment;
    private readonly RunningGateway gateway = shared.Gateway;

    private IEnumerable<string> LinesOf(string body) => gateway.Log.Lines.Where(l => l.Contains(ErrorText.Trace(body), StringComparison.Ordinal));

    [Fact]
    public async Task No_credential_is_401_with_one_log_line_naming_why()
    {
        using var response = await gateway.As(null).SendAsync(HttpMethod.Get, GatewayPaths.Jobs, authenticate: false);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(GatewayErrorCodes.NotAuthenticated, body, StringComparison.Ordinal);
        var line = Assert.Single(LinesOf(body));
        Assert.Contains("GET /gateway/v1/jobs -> 401", line, StringComparison.Ordinal);
        Assert.Contains("no Authorization header", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MUNGE:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA:")]
    [InlineData("not-a-credential")]
    public async Task A_forged_credential_is_401(string forged)
    {
        using var response = await gateway.As(null).SendAsync(HttpMethod.Get, GatewayPaths.Jobs, credential: forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var line = Assert.Single(LinesOf(await response.Content.ReadAsStringAsync()));
        Assert.Contains("MUNGE credential refused", line, StringComparison.Ordinal);
        Assert.DoesNotContain(forged, gateway.Log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_credential_is_401_the_second_time()
    {
        var credential = await MungeFor.CredentialAsync("qrunuser", GatewayAuthentication.Payload("GET", GatewayPaths.Jobs));

        using var first = await gateway.As("qrunuser").SendAsync(HttpMethod.Get, GatewayPaths.Jobs, credential: credential);
        using var second = await gateway.As("qrunuser").SendAsync(HttpMethod.Get, GatewayPaths.Jobs, credential: credential);

        var body = await second.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Contains("Replayed", body, StringComparison.Ordinal);
        Assert.Contains("-> 401", Assert.Single(LinesOf(body)), StringComparison.Ordinal);
        Assert.DoesNotContain(credential, gateway.Log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credential_made_for_another_request_is_401()
    {
        var credential = await MungeFor.CredentialAsync("qrunuser", GatewayAuthentication.Payload("GET", GatewayPaths.Jobs));

        using var response = await gateway.As("qrunuser").SendAsync(HttpMethod.Post, GatewayPaths.Jobs, "{}", credential: credential);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("made for another request", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_with_no_jobs_lists_none()
    {
        using var response = await gateway.As("qrunuser2").SendAsync(HttpMethod.Get, GatewayPaths.Jobs);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"jobs":[]}""", await response.Content.ReadAsStringAsync());
        Assert.Contains(gateway.Log.Lines, l => l.Contains($"-> 200 uid {MungeFor.Uid("qrunuser2")}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json", 400, "not the expected JSON")]
    [InlineData("""{"slurm_job_id":"12; rm -rf /","backend":"fake_brisbane","program_id":"sampler","input_bytes":10}""", 400, "slurm_job_id is missing or invalid")]
    [InlineData("""{"slurm_job_id":"12","backend":"ibm_nowhere","program_id":"sampler","input_bytes":10}""", 400, "backend 'ibm_nowhere' is not served by this gateway; it serves: fake_brisbane, slow_brisbane")]
    [InlineData("""{"slurm_job_id":"12","backend":"fake_brisbane","program_id":"qaoa","input_bytes":10}""", 400, "program_id is missing or invalid: expected sampler or estimator")]
    [InlineData("""{"slurm_job_id":"12","backend":"fake_brisbane","program_id":"sampler","input_bytes":0}""", 400, "input_bytes")]
    [InlineData("""{"slurm_job_id":"12","backend":"fake_brisbane","program_id":"sampler","timeout_secs":0,"input_bytes":5}""", 400, "timeout_secs is 0: expected 1 to 86400 s, the gateway's max_timeout_secs")]
    [InlineData("""{"slurm_job_id":"12","backend":"fake_brisbane","program_id":"sampler","timeout_secs":86401,"input_bytes":5}""", 400, "timeout_secs is 86401: expected 1 to 86400 s, the gateway's max_timeout_secs")]
    [InlineData("""{"slurm_job_id":"12","backend":"fake_brisbane","program_id":"sampler","input_bytes":99999999999999}""", 413, "this gateway accepts at most")]
    [InlineData("""{"slurm_job_id":"12","backend":"fake_brisbane","program_id":"sampler","input_bytes":2,"id":"3f1e5b9c-0c1d-4c62-9a57-1d2f0e6f7a88"}""", 400, "id is given without input")]
    [InlineData("""{"slurm_job_id":"12","backend":"fake_brisbane","program_id":"sampler","input_bytes":2,"input":{}}""", 400, "id is missing or invalid: expected a random UUID")]
    [InlineData("""{"slurm_job_id":"12","backend":"fake_brisbane","program_id":"sampler","input_bytes":2,"id":"3F1E5B9C-0C1D-4C62-9A57-1D2F0E6F7A88","input":{}}""", 400, "id is missing or invalid")]
    [InlineData("""{"slurm_job_id":"12","backend":"fake_brisbane","program_id":"sampler","input_bytes":2,"id":"../../etc","input":{}}""", 400, "id is missing or invalid")]
    [InlineData("""{"slurm_job_id":"12","backend":"fake_brisbane","program_id":"sampler","input_bytes":5,"id":"3f1e5b9c-0c1d-4c62-9a57-1d2f0e6f7a88","input":{}}""", 400, "input_bytes is 5, but the inline input is 2 bytes")]
    [InlineData("""{"slurm_job_id":"12","backend":"fake_brisbane","program_id":"sampler","input_bytes":2,"id":"3f1e5b9c-0c1d-4c62-9a57-1d2f0e6f7a88","input":{"a":}}""", 400, "not the expected JSON")]
    public async Task Bad_bodies_are_refused_with_a_message_naming_the_field(string body, int status, string expected)
    {
        using var response = await gateway.As("qrunuser").SendAsync(HttpMethod.Post, GatewayPaths.Jobs, body);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(expected, ErrorText.Message(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_64_KiB_is_413_and_so_is_an_inline_input_over_56_KiB_naming_the_bound()
    {
        var body = "{\"slurm_job_id\":\"12\",\"log_level\":\"" + new string('x', 70_000) + "\"}";
        var inlineTooLarge = """{"slurm_job_id":"12","backend":"fake_brisbane","program_id":"sampler","input_bytes":60000,"id":"3f1e5b9c-0c1d-4c62-9a57-1d2f0e6f7a88","input":"""
            + "{" + new string(' ', 60_000 - 2) + "}}";
        var user = gateway.As("qrunuser");

        using var response = await user.SendAsync(HttpMethod.Post, GatewayPaths.Jobs, body);
        using var inline = await user.SendAsync(HttpMethod.Post, GatewayPaths.Jobs, inlineTooLarge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, inline.StatusCode);
        Assert.Contains("the inline input is 60000 bytes; at most 57344 bytes go inline", ErrorText.Message(await inline.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_users_or_unknown_job_id_is_404()
    {
        var (status, _, text) = await gateway.As("qrunuser").GetAsync(Guid.NewGuid().ToString());
        var (badStatus, _, _) = await gateway.As("qrunuser").GetAsync("..%2F..%2Fetc");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(GatewayErrorCodes.NotFound, text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, badStatus);
    }

    [Fact]
    public async Task Health_answers_without_a_credential_with_the_release()
    {
        var release = File.ReadAllText(Path.Combine(SpankQrun.TestSupport.RepositoryPaths.Root, "VERSION")).Trim();

        using var response = await gateway.As(null).SendAsync(HttpMethod.Get, GatewayPaths.Health, authenticate: false);

        Assert.Contains($"\"version\":\"{release}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_Slurm_nothing_is_served_503_and_health_says_so()
    {
        var broken = environment.ConfigText(extra: "squeue=/nonexistent/squeue\nscontrol=/nonexistent/scontrol");
        await using var blind = await environment.StartGatewayAsync(broken);

        using var create = await blind.As("qrunuser").SendAsync(HttpMethod.Post, GatewayPaths.Jobs,
            """{"slurm_job_id":"12","backend":"fake_brisbane","program_id":"sampler","input_bytes":5}""");
        using var health = await blind.As(null).SendAsync(HttpMethod.Get, GatewayPaths.Health, authenticate: false);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, create.StatusCode);
        Assert.Contains("cannot ask Slurm", await create.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("Slurm unreachable", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Slurm_that_hangs_is_cut_off_by_the_timeout()
    {
        var hang = TestFiles.Write(environment.Directory, "hang.sh", "#!/bin/sh\nsleep 60\n", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await using var slow = await environment.StartGatewayAsync(environment.ConfigText(extra: $"squeue={hang}\nslurm_timeout_secs=1"));
        var started = DateTime.UtcNow;

        using var create = await slow.As("qrunuser").SendAsync(HttpMethod.Post, GatewayPaths.Jobs,
            """{"slurm_job_id":"12","backend":"fake_brisbane","program_id":"sampler","input_bytes":5}""");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, create.StatusCode);
        Assert.Contains("did not answer within 1 s", await create.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void The_credential_library_is_the_one_the_service_uses()
    {
        Assert.Equal(MungeStatus.BadCredential, MungeCredentials.Decode("x y").Status);
    }
}
