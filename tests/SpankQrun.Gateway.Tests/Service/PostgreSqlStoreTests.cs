using SpankQrun.Gateway.Configuration;
using SpankQrun.Gateway.Contract;
using SpankQrun.Gateway.Store;
using SpankQrun.Gateway.Tests.Infrastructure;

namespace SpankQrun.Gateway.Tests.Service;

/// <summary>The store on a real PostgreSQL server, shared by two gateway instances.</summary>
public sealed class PostgreSqlStoreTests : IAsyncLifetime
{
    private PostgresServer server = null!;

    public async Task InitializeAsync() => server = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Two_instances_share_jobs_reports_and_replay_records()
    {
        var (first, second) = await TwoInstancesAsync();
        var job = NewJob();
        var now = job.CreatedTime;

        await first.InsertAsync(job, default);
        job.Status = GatewayJobStatus.Completed;
        job.SubmittedTime = now;
        job.EndTime = now.AddSeconds(3);
        job.QuantumNanoseconds = 25_146_000;
        await first.UpdateAsync(job, default);
        var seen = await second.FindAsync(job.Id, default);

        Assert.NotNull(seen);
        Assert.Equal(GatewayJobStatus.Completed, seen!.Status);
        Assert.Equal(25_146_000, seen.QuantumNanoseconds);
        Assert.Equal(job.EndTime!.Value.ToUnixTimeMilliseconds(), seen.EndTime!.Value.ToUnixTimeMilliseconds());
        Assert.Single(await second.ListOfUserAsync(1001, default));
        Assert.Empty(await second.ListOfUserAsync(1002, default));
        Assert.True(await first.TryMarkSlurmJobReportedAsync("42", now, default));
        Assert.False(await second.TryMarkSlurmJobReportedAsync("42", now, default));
        Assert.Empty(await second.ListOfUnreportedSlurmJobsAsync(default));
        Assert.True(await first.TryRecordCredentialAsync("ABC", now.AddMinutes(5), now, default));
        Assert.False(await second.TryRecordCredentialAsync("ABC", now.AddMinutes(5), now, default));
        Assert.Single(await second.ListCreatedBetweenAsync(now.AddMinutes(-1), now.AddMinutes(1), default));
    }

    [Fact]
    public async Task Of_two_instances_claiming_an_ended_Slurm_jobs_cleanup_at_once_exactly_one_gets_it_until_its_lease_ends()
    {
        var (first, second) = await TwoInstancesAsync();
        var now = DateTimeOffset.UtcNow;
        var lease = now.AddSeconds(60);

        for (var i = 0; i < 20; i++)
        {
            var slurmJob = (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var claims = await Task.WhenAll(
                first.TryClaimCleanupAsync(slurmJob, "instance-a", now, lease, default),
                second.TryClaimCleanupAsync(slurmJob, "instance-b", now, lease, default));

            Assert.Equal(1, claims.Count(c => c));
            var (winner, owner, loser, other) = claims[0] ? (first, "instance-a", second, "instance-b") : (second, "instance-b", first, "instance-a");
            Assert.True(await winner.TryClaimCleanupAsync(slurmJob, owner, now.AddSeconds(1), lease.AddSeconds(1), default));
            Assert.False(await loser.TryClaimCleanupAsync(slurmJob, other, now.AddSeconds(30), lease.AddSeconds(30), default));
            Assert.True(await loser.TryClaimCleanupAsync(slurmJob, other, lease.AddSeconds(2), lease.AddSeconds(62), default));
        }
    }

    [Fact]
    public async Task Instances_starting_at_once_on_a_new_database_all_create_or_find_the_tables()
    {
        // CREATE TABLE IF NOT EXISTS is not safe against a concurrent one in PostgreSQL (a unique violation in
        // pg_type): gateways started together by systemd on several hosts must not fail on an empty database.
        for (var round = 0; round < 6; round++)
        {
            var database = $"race{round}";
            await using (var admin = new Npgsql.NpgsqlConnection(server.ConnectionString))
            {
                await admin.OpenAsync();
                await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {database}", admin);
                await create.ExecuteNonQueryAsync();
            }

            var settings = new DatabaseSettings(DatabaseKind.PostgreSql, server.ConnectionString.Replace("Database=postgres", $"Database={database}", StringComparison.Ordinal));
            var stores = Enumerable.Range(0, 4).Select(_ => new GatewayStore(settings)).ToList();
            await Task.WhenAll(stores.Select(store => store.InitializeAsync(default)));

            var job = NewJob();
            await stores[0].InsertAsync(job, default);
            Assert.NotNull(await stores[3].FindAsync(job.Id, default));
        }
    }

    [Fact]
    public async Task A_final_status_is_never_overwritten_by_another_instances_stale_record()
    {
        var (first, second) = await TwoInstancesAsync();
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var job = NewJob();
            job.Status = GatewayJobStatus.Running;
            job.SubmittedTime = job.CreatedTime;
            await first.InsertAsync(job, default);
            ids.Add(job.Id);
        }

        foreach (var id in ids)
        {
            var mine = (await first.FindAsync(id, default))!;
            var stale = (await second.FindAsync(id, default))!;
            mine.Status = GatewayJobStatus.Cancelled;
            stale.Status = GatewayJobStatus.Failed;
            stale.ReasonMessage = "Direct Access no longer knows this job";

            var written = await Task.WhenAll(first.UpdateAsync(mine, default), second.UpdateAsync(stale, default));

            Assert.Equal(1, written.Count(w => w));
            var kept = (await second.FindAsync(id, default))!.Status;
            Assert.Equal(written[0] ? GatewayJobStatus.Cancelled : GatewayJobStatus.Failed, kept);
        }

        var job1 = (await first.FindAsync(ids[0], default))!;
        var old = (await second.FindAsync(ids[0], default))!;
        job1.DeletedTime = DateTimeOffset.UtcNow;
        job1.CleanupStartedTime = job1.DeletedTime;
        Assert.True(await first.UpdateAsync(job1, default));
        old.Status = GatewayJobStatus.Running;
        Assert.False(await second.UpdateAsync(old, default));
        old.Status = job1.Status;
        Assert.True(await second.UpdateAsync(old, default));
        var stored = (await first.FindAsync(ids[0], default))!;
        Assert.Equal(job1.Status, stored.Status);
        Assert.NotNull(stored.DeletedTime);
        Assert.NotNull(stored.CleanupStartedTime);
    }

    [Fact]
    public async Task A_server_that_is_down_is_reported_without_the_password()
    {
        var store = new GatewayStore(new DatabaseSettings(DatabaseKind.PostgreSql, server.ConnectionString.Replace($"Port={server.Port}", "Port=1", StringComparison.Ordinal)));

        var error = await Assert.ThrowsAsync<GatewayStoreException>(() => store.InitializeAsync(default));

        Assert.Contains("PostgreSQL", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresServer.PasswordMarker, error.Message, StringComparison.Ordinal);
    }

    private static GatewayJob NewJob() => new()
    {
        Id = Guid.NewGuid().ToString(),
        Uid = 1001,
        UserName = "qrunuser",
        Account = "physics",
        SlurmJobId = "42",
        SlurmStepId = "0",
        Backend = "fake_brisbane",
        ProgramId = "sampler",
        TimeoutSecs = 60,
        InputBytes = 123,
        Status = GatewayJobStatus.Uploading,
        CreatedTime = DateTimeOffset.UtcNow,
    };

    /// <summary>Two gateway instances' stores on the one PostgreSQL database, each with its own connection pool.</summary>
    private async Task<(GatewayStore First, GatewayStore Second)> TwoInstancesAsync()
    {
        var settings = new DatabaseSettings(DatabaseKind.PostgreSql, server.ConnectionString);
        var first = new GatewayStore(settings);
        var second = new GatewayStore(settings);
        await first.InitializeAsync(default);
        await second.InitializeAsync(default);
        return (first, second);
    }
}
