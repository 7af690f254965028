using System.Text.Json;
using SpankQrun.Gateway.Configuration;
using SpankQrun.Gateway.Contract;
using SpankQrun.Gateway.Store;
using SpankQrun.Gateway.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Gateway.Tests.Service;

/// <summary>qrun-gateway usage: totals per user, account and backend over a period, as table, CSV and JSON.</summary>
public sealed class UsageCommandTests : IAsyncLifetime
{
    private readonly string directory = TestFiles.NewDirectory();
    private string config = "";

    public async Task InitializeAsync()
    {
        var database = Path.Combine(directory, "gateway.db");
        config = TestFiles.Write(directory, "g.conf", $"""
            backends=fake_brisbane,fake_cairo
            database=sqlite:{database}
            daapi_endpoint=http://127.0.0.1:1
            appid_client_id=demo
            appid_secret=x
            s3_endpoint=http://127.0.0.1:2
            s3_bucket=b
            s3_region=us-east-1
            aws_access_key_id=k
            aws_secret_access_key=s
            """);
        var store = new GatewayStore(new DatabaseSettings(DatabaseKind.Sqlite, database));
        await store.InitializeAsync(default);
        var day = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        await Add(store, "alice", "physics", "fake_brisbane", GatewayJobStatus.Completed, 2_000_000_000, day);
        await Add(store, "alice", "physics", "fake_cairo", GatewayJobStatus.Failed, 0, day);
        await Add(store, "bob", "chemistry", "fake_brisbane", GatewayJobStatus.Completed, 500_000_000, day);
        await Add(store, "bob", "chemistry", "fake_brisbane", GatewayJobStatus.Completed, 700_000_000, day.AddDays(3));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_table_per_user_sums_jobs_and_quantum_seconds_with_a_total()
    {
        var output = await Usage("--since", "2026-11-30", "--until", "2026-12-01");

        Assert.Contains("alice 2 1 1 0 2.000000 200 20", Squeeze(output), StringComparison.Ordinal);
        Assert.Contains("bob 1 1 0 0 0.500000 100 10", Squeeze(output), StringComparison.Ordinal);
        Assert.Contains("TOTAL 3 2 1 0 2.500000 300 30", Squeeze(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_per_account_and_json_per_backend()
    {
        var csv = await Usage("--by", "account", "--format", "csv");
        var json = await Usage("--by", "backend", "--format", "json", "--until", "2026-12-01");

        Assert.Equal("account,jobs,completed,failed,cancelled,quantum_seconds,bytes_in,bytes_out", csv.Split('\n')[0]);
        Assert.Contains("chemistry,2,2,0,0,1.200000,", csv, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        var rows = document.RootElement.GetProperty("rows");
        Assert.Equal(2, rows.GetArrayLength());
        Assert.Equal("fake_brisbane", rows[0].GetProperty("backend").GetString());
        Assert.Equal(2_500_000_000, rows[0].GetProperty("quantum_nanoseconds").GetInt64());
    }

    [Fact]
    public async Task A_bad_date_or_grouping_is_refused_naming_it()
    {
        var dll = Dll();
        var date = await Shell.RunAsync("dotnet", [dll, "usage", "--config", config, "--since", "yesterday-ish"]);
        var by = await Shell.RunAsync("dotnet", [dll, "usage", "--config", config, "--by", "planet"]);

        Assert.NotEqual(0, date.ExitCode);
        Assert.Contains("--since 'yesterday-ish' is not a date", date.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, by.ExitCode);
        Assert.Contains("planet", by.Output, StringComparison.Ordinal);
    }

    private async Task<string> Usage(params string[] arguments)
    {
        var result = await Shell.RunAsync("dotnet", [Dll(), "usage", "--config", config, .. arguments]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout;
    }

    private static string Dll() => Path.Combine(RepositoryPaths.Root, "artifacts", "bin", "SpankQrun.Gateway", "debug", "qrun-gateway.dll");

    private static string Squeeze(string table) =>
        string.Join('\n', table.Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))));

    private static Task Add(GatewayStore store, string user, string account, string backend, string status, long nanoseconds, DateTimeOffset created) =>
        store.InsertAsync(new GatewayJob
        {
            Id = Guid.NewGuid().ToString(), Uid = 1, UserName = user, Account = account, SlurmJobId = "1", Backend = backend, ProgramId = "sampler",
            TimeoutSecs = 60, InputBytes = 100, Status = status, CreatedTime = created, SubmittedTime = created, QuantumNanoseconds = nanoseconds, ResultsBytes = 10,
        }, default);
}
