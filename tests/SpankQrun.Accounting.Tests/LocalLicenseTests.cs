using SpankQrun.Accounting.Licenses;
using SpankQrun.Accounting.Slurm;
using SpankQrun.DirectAccess.Backends;
using Xunit;

namespace SpankQrun.Accounting.Tests;

/// <summary>Without slurmdbd: local licenses (slurm.conf), held by reservation, counts changed only by hand.</summary>
public sealed class LocalLicenseTests
{
    [Fact]
    public async Task ReadCounts_TakesLocalLicensesFromScontrol_AndSkipsRemoteOnes()
    {
        var runner = new RecordingRunner();
        runner.Results.Enqueue(new CommandResult(0,
            "LicenseName=fake_cairo Total=5 Used=1 Free=4 Reserved=0 Remote=no\nLicenseName=fake_brisbane@qrun Total=20 Used=0 Free=20 Reserved=0 Remote=yes\nbroken line\n",
            string.Empty));

        var store = new ScontrolLocalLicenseStore(runner);
        var counts = await store.ReadCountsAsync(CancellationToken.None);

        Assert.Equal(new Dictionary<string, int> { ["fake_cairo"] = 5 }, counts);
        Assert.Equal(["show", "lic", "-o"], runner.Calls.Single().Arguments);
        Assert.False(((ILicenseStore)store).CanChangeCounts);
    }

    [Fact]
    public async Task Hold_OfALocalLicense_NamesItWithoutServer()
    {
        var runner = new RecordingRunner();

        await new ScontrolLicenseHolds(string.Empty, runner).HoldAsync("fake_cairo", 5, "paused", CancellationToken.None);

        Assert.Contains("Licenses=fake_cairo:5", runner.Calls.Single().Arguments);
    }

    [Fact]
    public async Task Sync_OfLocalLicenses_HoldsAndReleases_AndSaysOnceWhenTheCountDiffersFromTheLanes()
    {
        var runner = new RecordingRunner();
        var backends = new FakeBackends();
        backends.States["fake_cairo"] = new BackendState("fake_cairo", "paused", false, null, 3);
        var holds = new FakeHolds();
        var log = new List<string>();
        var sync = new LicenseSynchronizer(new LicenseSyncOptions(["fake_cairo"]), backends, new ScontrolLocalLicenseStore(runner), holds, log.Add);
        const string Show = "LicenseName=fake_cairo Total=5 Used=0 Free=5 Reserved=0 Remote=no\n";
        for (var i = 0; i < 4; i++)
            runner.Results.Enqueue(new CommandResult(0, Show, string.Empty));

        await sync.SyncOnceAsync(CancellationToken.None);
        backends.States["fake_cairo"] = new BackendState("fake_cairo", "online", false, null, 3);
        await sync.SyncOnceAsync(CancellationToken.None);
        await sync.SyncOnceAsync(CancellationToken.None);

        Assert.Equal(["hold fake_cairo:5 paused: its jobs wait in the queue", "release fake_cairo"], holds.Events);
        Assert.Single(log, l => l.Contains("Licenses=fake_cairo:3", StringComparison.Ordinal));
        Assert.DoesNotContain(runner.Calls, c => c.Program == "sacctmgr");
    }
}
