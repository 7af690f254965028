using SpankQrun.Gateway.Configuration;
using SpankQrun.Gateway.Store;

namespace SpankQrun.Gateway.Tests.Service;

/// <summary>
/// SQLite: replay records are written without waiting for the disk, job and usage records with it, although both kinds
/// of write share one connection pool (a pooled connection keeps the PRAGMA of its last use).
/// </summary>
public sealed class SqliteStoreDurabilityTests : IDisposable
{
    private const long Normal = 1;
    private const long Full = 2;
    private readonly string directory = Directory.CreateTempSubdirectory("gateway-store-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task A_job_write_after_a_replay_record_waits_for_the_disk_again()
    {
        var store = new GatewayStore(new DatabaseSettings(DatabaseKind.Sqlite, Path.Combine(directory, "gateway.db")));
        await store.InitializeAsync(default);
        var now = DateTimeOffset.UtcNow;

        Assert.True(await store.TryRecordCredentialAsync("hash-1", now.AddMinutes(5), now, default));
        Assert.Equal(Full, await store.SqliteSynchronousAsync(durable: true, default));
        Assert.Equal(Normal, await store.SqliteSynchronousAsync(durable: false, default));
        Assert.Equal(Full, await store.SqliteSynchronousAsync(durable: true, default));
        Assert.False(await store.TryRecordCredentialAsync("hash-1", now.AddMinutes(5), now, default));
    }
}
