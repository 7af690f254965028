using SpankQrun.DirectAccess.Storage;
using SpankQrun.Qrun.Tests.Infrastructure;
using Xunit;

namespace SpankQrun.Qrun.Tests.EndToEnd;

/// <summary>The storage half of the flow against a real s3rver.</summary>
public sealed class JobStorageTests : S3BucketTest
{
    [Fact]
    public async Task PresignedUpload_AfterARequestAndAskedForSevenDays_IsSigV4AndAcceptsAContentType()
    {
        using var storage = Storage();
        // When the SDK sent requests itself, a first one let it correct its clock from the server's Date header,
        // which pushed a seven-day expiry over the SigV4 limit and made it fall back to SigV2; kept as a guard.
        await storage.PutAsync("input_x.json", "{}"u8.ToArray(), CancellationToken.None);
        using var http = new HttpClient();

        for (var attempt = 0; attempt < 10; attempt++)
        {
            var url = await storage.PresignUploadAsync("results_x.json", TimeSpan.FromDays(7));
            using var content = new ByteArrayContent("{\"ok\":true}"u8.ToArray());
            content.Headers.ContentType = new("application/json");
            using var response = await http.PutAsync(url, content);

            Assert.Contains("X-Amz-Algorithm=AWS4-HMAC-SHA256", url, StringComparison.Ordinal);
            Assert.True(response.IsSuccessStatusCode, $"PUT answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Put_ThenPresignedDownload_ReturnsTheExactBytes()
    {
        using var storage = Storage();
        var content = "{\"pubs\":[],\"version\":2}\n"u8.ToArray();
        await storage.PutAsync("input_y.json", content, CancellationToken.None);
        using var http = new HttpClient();

        var downloaded = await http.GetByteArrayAsync(await storage.PresignDownloadAsync("input_y.json", TimeSpan.FromHours(1)));

        Assert.Equal(content, downloaded);
    }

    [Fact]
    public async Task Get_MissingObject_ReturnsNull()
    {
        using var storage = Storage();

        Assert.Null(await storage.GetAsync("results_missing.json", CancellationToken.None));
    }

    [Fact]
    public async Task Delete_AllJobObjects_LeavesBucketEmpty()
    {
        using var storage = Storage();
        foreach (var key in JobObjectKeys.All("z"))
        {
            await storage.PutAsync(key, "{}"u8.ToArray(), CancellationToken.None);
        }

        foreach (var key in JobObjectKeys.All("z"))
        {
            await storage.DeleteAsync(key, CancellationToken.None);
        }

        Assert.DoesNotContain(await Keys(), key => key.Contains("_z.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_InAMissingBucket_IsAnErrorNamingTheBucketAndCode_NotAMissingObject()
    {
        using var storage = new JobStorage(new S3StorageOptions(S3.Endpoint, S3.Region, "no-such-bucket", S3.AccessKeyId, S3.SecretAccessKey));

        var error = await Assert.ThrowsAsync<StorageException>(() => storage.GetAsync("results_q.json", CancellationToken.None));

        Assert.Contains("S3 download of results_q.json in bucket no-such-bucket", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 404 NoSuchBucket", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsUnreachable);
        Assert.DoesNotContain("X-Amz-", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(S3.AccessKeyId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Size_IsTheObjectsLength_OrNullWhenMissing()
    {
        using var storage = Storage();
        await storage.PutAsync("input_s.json", new byte[1234], CancellationToken.None);

        Assert.Equal(1234, await storage.SizeAsync("input_s.json", CancellationToken.None));
        Assert.Null(await storage.SizeAsync("input_missing.json", CancellationToken.None));
    }

    [Fact]
    public async Task UnknownAccessKey_UploadIsRefusedWith403_AndTheMessageHoldsNoSignature()
    {
        using var storage = new JobStorage(new S3StorageOptions(S3.Endpoint, S3.Region, QrunServices.Bucket, "AKIAUNKNOWNKEY", "not-the-secret"));

        var error = await Assert.ThrowsAsync<StorageException>(() => storage.PutAsync("input_w.json", "{}"u8.ToArray(), CancellationToken.None));

        Assert.Contains("HTTP 403 InvalidAccessKeyId", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Amz-", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("not-the-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreNotListening_IsUnreachable_AfterItsRetries()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var storage = new JobStorage(new S3StorageOptions(new Uri($"http://127.0.0.1:{port}/"), S3.Region, QrunServices.Bucket, S3.AccessKeyId, S3.SecretAccessKey) { MaxErrorRetry = 1 });

        var error = await Assert.ThrowsAsync<StorageException>(() => storage.GetAsync("results_u.json", CancellationToken.None));

        Assert.True(error.IsUnreachable, error.Message);
        Assert.Contains("connection refused", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
