using SpankQrun.Accounting.Licenses;
using SpankQrun.DirectAccess.Backends;
using Xunit;

namespace SpankQrun.Accounting.Tests;

public sealed class LicenseSynchronizerTests
{
    private readonly FakeBackends backends = new();
    private readonly FakeLicenseStore store = new();
    private readonly FakeHolds holds = new();
    private readonly List<string> log = [];

    private LicenseSynchronizer Synchronizer(params string[] names) =>
        new(new LicenseSyncOptions(names) { FailuresBeforeUnavailable = 3 }, backends, store, holds, log.Add);

    [Fact]
    public async Task OnlineBackend_GetsItsHpcLanes()
    {
        backends.States["fake_brisbane"] = new BackendState("fake_brisbane", "online", false, null, 5);
        store.Counts["fake_brisbane"] = 1;

        var changes = await Synchronizer("fake_brisbane").SyncOnceAsync(CancellationToken.None);

        Assert.Equal(5, store.Counts["fake_brisbane"]);
        Assert.Single(changes);
        Assert.Contains("5 lane(s)", store.Sets.Single().Description, StringComparison.Ordinal);
        Assert.Contains("fake_brisbane: count 1 -> 5", Assert.Single(log), StringComparison.Ordinal);
        Assert.Empty(holds.Events);
    }

    [Theory]
    [InlineData("offline", false, 5, "offline")]
    [InlineData("paused", false, 5, "paused")]
    [InlineData("online", true, 5, "locked by a reservation")]
    [InlineData("online", false, 0, "online but with 0 lanes")]
    [InlineData("online", false, null, "online but with no lanes")]
    public async Task UnavailableBackend_IsHeld_WithItsCountKept_SoJobsQueueInsteadOfBeingRefused(string status, bool locked, int? lanes, string why)
    {
        backends.States["fake_cairo"] = new BackendState("fake_cairo", status, locked, "maintenance", lanes);
        store.Counts["fake_cairo"] = 5;

        await Synchronizer("fake_cairo").SyncOnceAsync(CancellationToken.None);

        Assert.Equal(5, store.Counts["fake_cairo"]);
        Assert.Empty(store.Sets);
        var hold = Assert.Single(holds.Events);
        Assert.StartsWith("hold fake_cairo:5 ", hold, StringComparison.Ordinal);
        Assert.Contains(why, hold, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeldBackend_IsHeldOnce_AndReleasedWhenBack()
    {
        var synchronizer = Synchronizer("fake_cairo");
        store.Counts["fake_cairo"] = 5;
        backends.States["fake_cairo"] = new BackendState("fake_cairo", "paused", false, null, 5);
        await synchronizer.SyncOnceAsync(CancellationToken.None);
        await synchronizer.SyncOnceAsync(CancellationToken.None);
        backends.States["fake_cairo"] = new BackendState("fake_cairo", "online", false, null, 3);

        await synchronizer.SyncOnceAsync(CancellationToken.None);

        Assert.Equal(2, holds.Events.Count);
        Assert.Equal("release fake_cairo", holds.Events[1]);
        Assert.Equal(3, store.Counts["fake_cairo"]);
        Assert.Empty(holds.Held);
    }

    [Fact]
    public async Task UnchangedCount_IsNotWritten()
    {
        backends.States["fake_brisbane"] = new BackendState("fake_brisbane", "online", false, null, 5);
        store.Counts["fake_brisbane"] = 5;

        var changes = await Synchronizer("fake_brisbane").SyncOnceAsync(CancellationToken.None);

        Assert.Empty(changes);
        Assert.Empty(store.Sets);
    }

    [Fact]
    public async Task UnreachableService_ChangesNothingUntilSeveralChecksFailInARow()
    {
        var synchronizer = Synchronizer("fake_brisbane");
        store.Counts["fake_brisbane"] = 5;
        backends.States["fake_brisbane"] = null;

        await synchronizer.SyncOnceAsync(CancellationToken.None);
        await synchronizer.SyncOnceAsync(CancellationToken.None);
        Assert.Empty(holds.Events);
        await synchronizer.SyncOnceAsync(CancellationToken.None);

        Assert.Contains("unreachable (3 checks in a row failed)", Assert.Single(holds.Events), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneSuccessfulCheck_ResetsTheFailureCount()
    {
        var synchronizer = Synchronizer("fake_brisbane");
        store.Counts["fake_brisbane"] = 5;
        var online = new BackendState("fake_brisbane", "online", false, null, 5);
        foreach (var state in new BackendState?[] { null, null, online, null, null })
        {
            backends.States["fake_brisbane"] = state;
            await synchronizer.SyncOnceAsync(CancellationToken.None);
        }

        Assert.Empty(store.Sets);
        Assert.Empty(holds.Events);
    }

    [Fact]
    public async Task UnregisteredLicense_IsReportedAndOthersStillSynced()
    {
        backends.States["fake_lagos"] = new BackendState("fake_lagos", "online", false, null, 2);
        backends.States["fake_brisbane"] = new BackendState("fake_brisbane", "online", false, null, 4);
        store.Counts["fake_brisbane"] = 1;

        await Synchronizer("fake_lagos", "fake_brisbane").SyncOnceAsync(CancellationToken.None);

        Assert.Contains(log, l => l.Contains("fake_lagos is not known to Slurm", StringComparison.Ordinal));
        Assert.Equal(4, store.Counts["fake_brisbane"]);
        Assert.False(store.Counts.ContainsKey("fake_lagos"));
    }
}
