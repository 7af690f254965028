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
        var settings = new DatabaseSettings(DatabaseKind.PostgreSql, server.ConnectionString);
        var first = new GatewayStore(settings);
        var second = new GatewayStore(settings);
        await first.InitializeAsync(default);
        await second.InitializeAsync(default);
        var now = DateTimeOffset.UtcNow;
        var job = new GatewayJob
        {
            Id = Guid.NewGuid().ToString(), Uid = 1001, UserName = "qrunuser", Account = "physics", SlurmJobId = "42", SlurmStepId = "0",
            Backend = "fake_brisbane", ProgramId = "sampler", TimeoutSecs = 60, InputBytes = 123, Status = GatewayJobStatus.Uploading, CreatedTime = now,
        };

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
    public async Task A_server_that_is_down_is_reported_without_the_password()
    {
        var store = new GatewayStore(new DatabaseSettings(DatabaseKind.PostgreSql, server.ConnectionString.Replace($"Port={server.Port}", "Port=1", StringComparison.Ordinal)));

        var error = await Assert.ThrowsAsync<GatewayStoreException>(() => store.InitializeAsync(default));

        Assert.Contains("PostgreSQL", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresServer.PasswordMarker, error.Message, StringComparison.Ordinal);
    }
}
