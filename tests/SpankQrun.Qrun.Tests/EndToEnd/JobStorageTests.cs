using SpankQrun.DirectAccess.Storage;
using SpankQrun.Qrun.Tests.Infrastructure;
using SpankQrun.TestSupport;
using Xunit;

namespace SpankQrun.Qrun.Tests.EndToEnd;

/// <summary>The storage half of the flow against a real s3rver.</summary>
public sealed class JobStorageTests : IAsyncLifetime
{
    private S3Server? s3;

    public async Task InitializeAsync()
    {
        s3 = await S3Server.StartAsync();
        await s3.CreateBucketAsync(QrunServices.Bucket);
    }

    public async Task DisposeAsync()
    {
        if (s3 is not null)
        {
            await s3.DisposeAsync();
        }
    }

    [Fact]
    public async Task PresignedUpload_AfterARequestAndAskedForSevenDays_IsSigV4AndAcceptsAContentType()
    {
        using var storage = Storage();
        // A first request lets the SDK correct its clock from the server's Date header, which is what pushed
        // a seven-day expiry over the SigV4 limit and made the SDK fall back to SigV2.
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

        Assert.DoesNotContain(await s3!.ListObjectKeysAsync(QrunServices.Bucket), key => key.Contains("_z.json", StringComparison.Ordinal));
    }

    private JobStorage Storage() =>
        new(new S3StorageOptions(s3!.Endpoint, s3.Region, QrunServices.Bucket, s3.AccessKeyId, s3.SecretAccessKey));
}
