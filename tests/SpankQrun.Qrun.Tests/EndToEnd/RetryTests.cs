using SpankQrun.DirectAccess.Http;
using SpankQrun.Qrun.Tests.Infrastructure;
using SpankQrun.TestSupport;
using Xunit;

namespace SpankQrun.Qrun.Tests.EndToEnd;

/// <summary>The service goes away: qrun retries with backoff and either rides it out or gives up with exit code 5.</summary>
public sealed class RetryTests : IAsyncLifetime
{
    private S3Server? s3;
    private EmulatorServer? emulator;

    public async Task InitializeAsync()
    {
        s3 = await S3Server.StartAsync();
        await s3.CreateBucketAsync(QrunServices.Bucket);
        emulator = await EmulatorServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (emulator is not null)
        {
            await emulator.DisposeAsync();
        }

        if (s3 is not null)
        {
            await s3.DisposeAsync();
        }
    }

    [Fact]
    public async Task ServiceDownThenUp_RetriesUntilItAnswersAndCompletes()
    {
        using var scratch = new ScratchDirectory();
        var input = scratch.Write("bell.json", DemoInputs.SmallSampler);
        await emulator!.StopAsync();
        var host = InProcessQrun.Host(QrunServices.EnvironmentFor(s3!, emulator, "fake_lagos", "sampler", AuthMode.AppId)) with
        {
            Retry = new RetrySettings(12, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20)),
        };

        var run = InProcessQrun.RunAsync(host, CancellationToken.None, input);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await emulator.RestartAsync();
        var result = await run;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("connection refused; retry 1 of 12", result.Error, StringComparison.Ordinal);
        Assert.Empty(await s3!.ListObjectKeysAsync(QrunServices.Bucket));
    }

    [Fact]
    public async Task ServiceDownForGood_ExitsServiceUnavailableAfterRetries()
    {
        using var scratch = new ScratchDirectory();
        var input = scratch.Write("bell.json", DemoInputs.SmallSampler);
        await emulator!.StopAsync();

        var result = await InProcessQrun.RunAsync(QrunServices.EnvironmentFor(s3!, emulator, "fake_lagos", "sampler", AuthMode.AppId), input);

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("retry 3 of 3", result.Error, StringComparison.Ordinal);
        Assert.Contains("failed after all retries: connection refused", result.Error, StringComparison.Ordinal);
        Assert.Empty(await s3!.ListObjectKeysAsync(QrunServices.Bucket));
    }
}
