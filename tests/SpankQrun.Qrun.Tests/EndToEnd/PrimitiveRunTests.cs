using System.Text.Json;
using SpankQrun.Qrun.Tests.Infrastructure;
using SpankQrun.Variables;
using Xunit;

namespace SpankQrun.Qrun.Tests.EndToEnd;

/// <summary>The upstream demo inputs through qrun, the real emulator and real s3rver.</summary>
public sealed class PrimitiveRunTests(QrunServices services) : IClassFixture<QrunServices>
{
    private const double Tolerance = 1e-6;

    [Theory]
    [InlineData(AuthMode.AppId)]
    [InlineData(AuthMode.Iam)]
    public async Task Sampler_UpstreamDemo_PrintsOneSamplePerShotOnStdout(AuthMode auth)
    {
        var result = await InProcessQrun.RunAsync(services.Environment("fake_brisbane", "sampler", auth), DemoInputs.Sampler);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Output);
        var samples = document.RootElement.GetProperty("results")[0].GetProperty("data").GetProperty("meas").GetProperty("samples");
        Assert.True(samples.GetArrayLength() > 0, result.ToString());
        Assert.All(samples.EnumerateArray(), sample => Assert.StartsWith("0x", sample.GetString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(AuthMode.AppId)]
    [InlineData(AuthMode.Iam)]
    public async Task Estimator_UpstreamDemo_BellStateExpectationValues(AuthMode auth)
    {
        var result = await InProcessQrun.RunAsync(services.Environment("fake_cairo", "estimator", auth), DemoInputs.Estimator);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Output);
        var evs = document.RootElement.GetProperty("results")[0].GetProperty("data").GetProperty("evs")
            .EnumerateArray().Select(value => value.GetDouble()).ToArray();
        // Observables in the demo's order: Z13, X13, Z14, X14, Z13Z14, X13X14 on a Bell pair.
        Assert.Equal(6, evs.Length);
        Assert.Equal(0, evs[0], Tolerance);
        Assert.Equal(0, evs[1], Tolerance);
        Assert.Equal(0, evs[2], Tolerance);
        Assert.Equal(0, evs[3], Tolerance);
        Assert.Equal(1, evs[4], Tolerance);
        Assert.Equal(1, evs[5], Tolerance);
    }

    [Fact]
    public async Task Sampler_Completed_AsksTheStoreForTheResultsBeforeTheLog()
    {
        // s3rver serves one request at a time: what reaches it first is answered first, and the results are saved
        // while the log comes down.
        await using var proxy = new RecordingTcpProxy(services.S3.Endpoint);
        using var scratch = new ScratchDirectory();
        var input = scratch.Write("bell.json", DemoInputs.SmallSampler);
        var environment = services.Environment("fake_lagos", "sampler");
        environment[IbmQrunVariables.S3Endpoint] = proxy.Endpoint.AbsoluteUri;

        var result = await InProcessQrun.RunAsync(environment, input);

        Assert.True(result.ExitCode == 0, result.ToString());
        var id = EmulatorJobs.SubmittedId(result.Error);
        proxy.AssertArrivedInOrder($"GET /{QrunServices.Bucket}/results_{id}.json", $"GET /{QrunServices.Bucket}/logs_{id}.json");
    }

    [Fact]
    public async Task Sampler_Completed_DeletesJobAndAllObjects()
    {
        using var scratch = new ScratchDirectory();
        var input = scratch.Write("bell.json", DemoInputs.SmallSampler);

        var result = await InProcessQrun.RunAsync(services.Environment("fake_lagos", "sampler"), input);

        Assert.True(result.ExitCode == 0, result.ToString());

        var id = EmulatorJobs.SubmittedId(result.Error);
        Assert.Null(await EmulatorJobs.FindAsync(services.Emulator, id));
        Assert.DoesNotContain(await services.BucketKeysAsync(), key => key.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sampler_Completed_ReportsStatusChangesWithElapsedTimeAndServiceLogOnStderr()
    {
        using var scratch = new ScratchDirectory();
        var input = scratch.Write("bell.json", DemoInputs.SmallSampler);

        var result = await InProcessQrun.RunAsync(services.Environment("fake_lagos", "sampler"), input);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"job [0-9a-f-]{36} is Completed \(after \d+\.\d s\)", result.Error);
        Assert.Contains("service log of job", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sampler_ResultsOption_WritesIndentedJsonFileAndLeavesStdoutEmpty()
    {
        using var scratch = new ScratchDirectory();
        var input = scratch.Write("bell.json", DemoInputs.SmallSampler);
        var resultsPath = scratch.FilePath("results.json");
        File.WriteAllText(resultsPath, "previous contents");

        var result = await InProcessQrun.RunAsync(services.Environment("fake_lagos", "sampler"), "--results", resultsPath, input);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Output);
        var text = File.ReadAllText(resultsPath);
        Assert.StartsWith("{\n  \"results\"", text, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(text);
        Assert.Equal(64, document.RootElement.GetProperty("results")[0].GetProperty("data").GetProperty("meas").GetProperty("samples").GetArrayLength());
        Assert.Equal(["bell.json", "results.json"], Directory.GetFiles(scratch.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Run_IamAndAppId_NothingPrintedContainsASecret()
    {
        using var scratch = new ScratchDirectory();
        var input = scratch.Write("bell.json", DemoInputs.SmallSampler);

        var iam = await InProcessQrun.RunAsync(services.Environment("fake_lagos", "sampler", AuthMode.Iam), input);
        var appId = await InProcessQrun.RunAsync(services.Environment("fake_lagos", "sampler", AuthMode.AppId), input);

        Assert.Equal(0, iam.ExitCode);
        Assert.Equal(0, appId.ExitCode);
        var secrets = new[] { EmulatorCredentials.IamApiKey, EmulatorCredentials.AppIdSecret, services.S3.SecretAccessKey };
        SecretAssertions.ContainsNoSecret(iam.Output + iam.Error + appId.Output + appId.Error, secrets);
        SecretAssertions.ContainsNoSecret(services.Emulator.Output, secrets);
    }
}
