using SpankQrun.Emulator.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Emulator.Tests;

/// <summary>Job state lives in --state-dir and survives the emulator being killed and started again.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private S3Server? _s3;
    private TestStorage? _storage;

    private TestStorage Storage => _storage!;

    [Fact]
    public async Task Restart_AfterJobsFinished_KeepsTheirStatesAndTimes()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorServerOptions(TestConfigs.Create()));
        var completed = JobRequests.NewId();
        var cancelled = JobRequests.NewId();
        System.Text.Json.Nodes.JsonObject before;
        using (var session = await DirectAccessSession.OpenAsync(emulator.Endpoint))
        {
            await Storage.PutAsync(JobRequests.InputKey(completed), JobExecutionTests.SmallSampler);
            await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Stored(Storage, completed, "fake_lagos", "sampler")));
            before = await session.WaitForFinalAsync(completed, TimeSpan.FromSeconds(60));
            await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Unbacked(cancelled, TestConfigs.QueuedBackend)));
            await ApiAssert.NoContentAsync(await session.PostAsync($"v1/jobs/{cancelled}/cancel"));
        }

        await emulator.RestartAsync();

        using var after = await DirectAccessSession.OpenAsync(emulator.Endpoint);
        var jobs = await after.ListJobsAsync();
        Assert.Equal([completed, cancelled], jobs.Select(job => (string)job!["id"]!));
        Assert.Equal(before.ToJsonString(), jobs[0]!.ToJsonString());
        Assert.Equal("Cancelled", (string)jobs[1]!["status"]!);
    }

    [Fact]
    public async Task Restart_WhileJobRunning_RunsTheJobAgainToCompletion()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorServerOptions(TestConfigs.Create(delayedSecs: 2)));
        var id = JobRequests.NewId();
        await Storage.PutAsync(JobRequests.InputKey(id), JobExecutionTests.SmallSampler);
        using (var session = await DirectAccessSession.OpenAsync(emulator.Endpoint))
            await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Stored(Storage, id, TestConfigs.DelayedBackend, "sampler")));

        await emulator.RestartAsync();

        using var after = await DirectAccessSession.OpenAsync(emulator.Endpoint);
        var job = await after.WaitForFinalAsync(id, TimeSpan.FromSeconds(60));
        Assert.Equal("Completed", (string)job["status"]!);
        Assert.NotNull(await Storage.GetOrNullAsync(JobRequests.ResultsKey(id)));
        Assert.Contains("running it again", emulator.Output);
    }

    [Fact]
    public async Task Restart_WithDeletedJob_DoesNotListIt()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorServerOptions(TestConfigs.Create()));
        var id = JobRequests.NewId();
        using (var session = await DirectAccessSession.OpenAsync(emulator.Endpoint))
        {
            await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Unbacked(id, TestConfigs.QueuedBackend)));
            await ApiAssert.NoContentAsync(await session.PostAsync($"v1/jobs/{id}/cancel"));
            await ApiAssert.NoContentAsync(await session.DeleteAsync($"v1/jobs/{id}"));
        }

        await emulator.RestartAsync();

        using var after = await DirectAccessSession.OpenAsync(emulator.Endpoint);
        Assert.Empty(await after.ListJobsAsync());
    }

    public async Task InitializeAsync()
    {
        _s3 = await S3Server.StartAsync();
        await _s3.CreateBucketAsync("restart");
        _storage = new TestStorage(_s3, "restart");
    }

    public async Task DisposeAsync()
    {
        _storage?.Dispose();
        if (_s3 is not null)
            await _s3.DisposeAsync();
    }
}
