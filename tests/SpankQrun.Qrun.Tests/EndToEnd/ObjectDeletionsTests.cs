using System.Net;
using System.Net.Sockets;
using SpankQrun.DirectAccess.Storage;
using SpankQrun.Qrun.Running;
using SpankQrun.Qrun.Tests.Infrastructure;
using Xunit;

namespace SpankQrun.Qrun.Tests.EndToEnd;

/// <summary>Deletions started while a run goes on, and cleanup's wait for them, against a real s3rver.</summary>
public sealed class ObjectDeletionsTests : S3BucketTest
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task StartAfter_WaitsForTheReader_ThenDeletes_EvenWhenTheReadFailed()
    {
        using var storage = Storage();
        await storage.PutAsync("logs_a.json", "log"u8.ToArray(), CancellationToken.None);
        var reader = new TaskCompletionSource();
        var deletions = new ObjectDeletions(storage, Budget);

        deletions.StartAfter(reader.Task, "logs_a.json");
        await Task.Delay(300);
        Assert.Contains("logs_a.json", await Keys());

        reader.SetException(new StorageException("S3 download of logs_a.json failed", isUnreachable: true));
        var left = await deletions.FinishAsync(["logs_a.json"], CancellationToken.None);

        Assert.Empty(left);
        Assert.DoesNotContain("logs_a.json", await Keys());
    }

    [Fact]
    public async Task Finish_DeletesWhatWasNotStarted_AndWaitsForWhatWas_EachOnce()
    {
        using var storage = Storage();
        string[] keys = ["input_b.json", "results_b.json", "logs_b.json"];
        foreach (var key in keys)
        {
            await storage.PutAsync(key, "{}"u8.ToArray(), CancellationToken.None);
        }

        var deletions = new ObjectDeletions(storage, Budget);
        deletions.Start("input_b.json");
        deletions.Start("input_b.json");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((await Keys()).Contains("input_b.json"))
        {
            Assert.True(DateTime.UtcNow < deadline, "the deletion started early never ran");
            await Task.Delay(20);
        }

        // Put back after its deletion: a second DELETE of the same key would remove it again.
        await storage.PutAsync("input_b.json", "{}"u8.ToArray(), CancellationToken.None);
        var left = await deletions.FinishAsync(keys, CancellationToken.None);

        Assert.Empty(left);
        Assert.Equal(["input_b.json"], (await Keys()).Where(key => key.EndsWith("_b.json", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Finish_NamesWhatIsLeft_InTheOrderAsked_WithTheReason()
    {
        // A store that accepts connections and never answers: every deletion runs out of its budget.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(backlog: 16);
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var storage = new JobStorage(new S3StorageOptions(new Uri($"http://127.0.0.1:{port}/"), S3.Region, QrunServices.Bucket, S3.AccessKeyId, S3.SecretAccessKey)
        {
            MaxErrorRetry = 1,
            RequestTimeout = TimeSpan.FromSeconds(30),
        });
        var budget = TimeSpan.FromMilliseconds(500);
        var deletions = new ObjectDeletions(storage, budget);
        deletions.Start("results_c.json");
        using var bound = new CancellationTokenSource(budget);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        var left = await deletions.FinishAsync(["input_c.json", "results_c.json", "logs_c.json"], bound.Token);

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
        Assert.Equal(["input_c.json", "results_c.json", "logs_c.json"], left.Select(item => item.Key));
        Assert.All(left, item => Assert.Equal(QrunMessages.TimedOutAfter(budget), item.Reason));
    }
}
