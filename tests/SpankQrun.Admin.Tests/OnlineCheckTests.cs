using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SpankQrun.Admin.Tests;

/// <summary><c>qrun-admin check --online</c> against the emulator and s3rver over real HTTP.</summary>
public sealed class OnlineCheckTests(OnlineServices services) : IClassFixture<OnlineServices>, IDisposable
{
    private readonly SiteFiles files = new();

    public void Dispose() => files.Dispose();

    private string Line(string apiKey = OnlineServices.ApiKey, string bucket = OnlineServices.Bucket, string backends = "fake_brisbane,fake_cairo", Uri? daapi = null)
    {
        var secrets = files.Write(
            "qrun-secrets.conf",
            $"aws_access_key_id = {services.S3.AccessKeyId}\naws_secret_access_key = {services.S3.SecretAccessKey}\niam_apikey = {apiKey}\n");
        var endpoint = (daapi ?? services.Emulator.Endpoint).AbsoluteUri;
        return $"optional {SiteFiles.Plugin} backends={backends} secrets={secrets} daapi_endpoint={endpoint} "
            + $"iam_endpoint={endpoint} service_crn=crn:v1:local:quantum-computing:emulator:: "
            + $"s3_endpoint={services.S3.Endpoint.AbsoluteUri} s3_bucket={bucket} s3_region={services.S3.Region}";
    }

    [Fact]
    public async Task Online_WithTheEmulatorAndS3_FetchesATokenListsTheBackendsAndLeavesTheBucketEmpty()
    {
        var run = await AdminRun.RunAsync("check", "--line", Line(), "--online");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("backend fake_brisbane: token: ok (IAM at ", run.Output);
        Assert.Contains("fake_cairo (online)", run.Output);
        Assert.Equal(2, run.Output.Split('\n').Count(l => l.Contains(": S3: wrote, read back and deleted qrun-admin-check/", StringComparison.Ordinal)));
        Assert.Contains("online: ok", run.Output);
        Assert.Empty(await services.S3.ListObjectKeysAsync(OnlineServices.Bucket));
        Assert.DoesNotContain(OnlineServices.ApiKey, run.All);
        Assert.DoesNotContain(services.S3.SecretAccessKey, run.All);
    }

    [Fact]
    public async Task Online_SeedsPositionalLineWithAppId_FetchesATokenAndListsTheBackendsWithoutRequiringAName()
    {
        var line = $"optional {SiteFiles.Plugin} demo demopass {services.Emulator.Endpoint.AbsoluteUri} {services.S3.AccessKeyId} "
            + $"{services.S3.SecretAccessKey} {services.S3.Endpoint.AbsoluteUri} {OnlineServices.Bucket} {services.S3.Region}";

        var run = await AdminRun.RunAsync("check", "--line", line, "--online");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("backend any_backend: token: ok (App ID)", run.Output);
        Assert.Contains("fake_brisbane (online)", run.Output);
        Assert.DoesNotContain("demopass", run.All);
    }

    [Fact]
    public async Task Online_RefusedApiKey_ExitsThreeWithoutPrintingTheKey()
    {
        const string wrongKey = "admin-wrong-apikey-8e3";

        var run = await AdminRun.RunAsync("check", "--line", Line(apiKey: wrongKey), "--online");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("backend fake_brisbane: token: ", run.Error);
        Assert.DoesNotContain(wrongKey, run.All);
    }

    [Fact]
    public async Task Online_BackendTheServiceDoesNotOffer_ExitsThreeNamingIt()
    {
        var run = await AdminRun.RunAsync("check", "--line", Line(backends: "fake_brisbane,ibm_nowhere"), "--online");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("does not offer 'ibm_nowhere'", run.Error);
        Assert.Contains("online: 1 backend(s) failed", run.Output);
    }

    [Fact]
    public async Task Online_MissingBucket_ExitsThreeNamingTheBucket()
    {
        var run = await AdminRun.RunAsync("check", "--line", Line(bucket: "no-such-bucket", backends: "fake_brisbane"), "--online");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("backend fake_brisbane: S3: ", run.Error);
        Assert.Contains("no-such-bucket", run.Error);
    }

    [Fact]
    public async Task Online_ServiceThatNeverAnswers_FailsWithinTheTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/");
        var clock = Stopwatch.StartNew();

        var run = await AdminRun.RunAsync("check", "--line", Line(backends: "fake_brisbane", daapi: endpoint), "--online", "--timeout", "2");

        Assert.Equal(3, run.ExitCode);
        Assert.True(run.Error.Contains("backend fake_brisbane: token: no answer within 2 s (--timeout)", StringComparison.Ordinal), run.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }
}
