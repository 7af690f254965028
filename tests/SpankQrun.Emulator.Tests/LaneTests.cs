using System.Net;
using SpankQrun.Emulator.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Emulator.Tests;

/// <summary>Execution lanes: every job not yet deleted holds one, whatever its state.</summary>
public sealed class LaneTests
{
    [Fact]
    public async Task Submit_WhenAllLanesHeld_Returns429Code1232UntilAJobIsDeleted()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorServerOptions(TestConfigs.Create(lanes: 2)));
        using var session = await DirectAccessSession.OpenAsync(emulator.Endpoint);
        var first = JobRequests.NewId();
        await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Unbacked(first, TestConfigs.QueuedBackend)));
        await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Unbacked(JobRequests.NewId(), TestConfigs.QueuedBackend)));

        using (var full = await session.SubmitAsync(JobRequests.Unbacked(JobRequests.NewId(), TestConfigs.QueuedBackend)))
            await ApiAssert.ErrorAsync(full, HttpStatusCode.TooManyRequests, "1232");

        // A cancelled job still holds its lane until it is deleted.
        await ApiAssert.NoContentAsync(await session.PostAsync($"v1/jobs/{first}/cancel"));
        using (var stillFull = await session.SubmitAsync(JobRequests.Unbacked(JobRequests.NewId(), TestConfigs.QueuedBackend)))
            await ApiAssert.ErrorAsync(stillFull, HttpStatusCode.TooManyRequests, "1232");

        await ApiAssert.NoContentAsync(await session.DeleteAsync($"v1/jobs/{first}"));
        await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Unbacked(JobRequests.NewId(), TestConfigs.QueuedBackend)));
    }
}
