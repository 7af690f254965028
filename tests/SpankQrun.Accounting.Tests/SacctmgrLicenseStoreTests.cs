using SpankQrun.Accounting.Licenses;
using SpankQrun.Accounting.Slurm;
using Xunit;

namespace SpankQrun.Accounting.Tests;

public sealed class SacctmgrLicenseStoreTests
{
    [Fact]
    public async Task ReadCounts_ParsesSacctmgrParsableOutput_AndSkipsGarbage()
    {
        var runner = new RecordingRunner();
        runner.Results.Enqueue(new CommandResult(0, "fake_brisbane|5\nfake_cairo|0\n|3\nbroken\nfake_lagos|x\n", string.Empty));

        var counts = await new SacctmgrLicenseStore("qrun", runner).ReadCountsAsync(CancellationToken.None);

        Assert.Equal(new Dictionary<string, int> { ["fake_brisbane"] = 5, ["fake_cairo"] = 0 }, counts);
        Assert.Equal(["-n", "-P", "show", "resource", "server=qrun", "format=name,count"], runner.Calls.Single().Arguments);
    }

    [Fact]
    public async Task SetCount_ModifiesTheResourceOfItsServer()
    {
        var runner = new RecordingRunner();

        await new SacctmgrLicenseStore("qrun", runner).SetCountAsync("fake_cairo", 0, "qrun: fake_cairo paused: jobs wait", CancellationToken.None);

        Assert.Equal(
            ["-i", "modify", "resource", "name=fake_cairo", "server=qrun", "set", "count=0", "description=qrun: fake_cairo paused: jobs wait"],
            runner.Calls.Single().Arguments);
    }

    [Fact]
    public async Task FailingSacctmgr_ThrowsWithItsMessage()
    {
        var runner = new RecordingRunner();
        runner.Results.Enqueue(new CommandResult(1, string.Empty, "sacctmgr: error: Problem talking to the database: Connection refused"));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => new SacctmgrLicenseStore("qrun", runner).ReadCountsAsync(CancellationToken.None));

        Assert.Contains("Connection refused", exception.Message, StringComparison.Ordinal);
    }
}

public sealed class ScontrolLicenseHoldsTests
{
    [Fact]
    public async Task Hold_CreatesALicenseOnlyReservationForEveryLicense()
    {
        var runner = new RecordingRunner();

        await new ScontrolLicenseHolds("qrun", runner).HoldAsync("fake_cairo", 5, "paused", CancellationToken.None);

        Assert.Equal(
            ["create", "reservation", "ReservationName=qrun_hold_fake_cairo", "Licenses=fake_cairo@qrun:5", "StartTime=now", "Duration=UNLIMITED", "Users=root", "Flags=LICENSE_ONLY"],
            runner.Calls.Single().Arguments);
    }

    [Fact]
    public async Task ReadHeld_FindsOnlyItsOwnReservations()
    {
        var runner = new RecordingRunner();
        runner.Results.Enqueue(new CommandResult(0,
            "ReservationName=qrun_hold_fake_cairo StartTime=now Licenses=fake_cairo@qrun:5\nReservationName=maintenance StartTime=x\n", string.Empty));

        var held = await new ScontrolLicenseHolds("qrun", runner).ReadHeldAsync(CancellationToken.None);

        Assert.Equal(["fake_cairo"], held);
    }

    [Fact]
    public async Task ReadHeld_NoReservations_IsEmpty()
    {
        var runner = new RecordingRunner();
        runner.Results.Enqueue(new CommandResult(1, "No reservations in the system\n", string.Empty));

        Assert.Empty(await new ScontrolLicenseHolds("qrun", runner).ReadHeldAsync(CancellationToken.None));
    }
}
