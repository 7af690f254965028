using SpankQrun.DirectAccess.Storage;
using SpankQrun.TestSupport;
using Xunit;

namespace SpankQrun.Qrun.Tests.Infrastructure;

/// <summary>A test class with a real s3rver of its own and the bucket <see cref="QrunServices.Bucket"/> in it.</summary>
public abstract class S3BucketTest : IAsyncLifetime
{
    private S3Server? s3;

    protected S3Server S3 => s3 ?? throw new InvalidOperationException("the s3rver is not started");

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

    /// <summary>Storage on the bucket with s3rver's own credentials.</summary>
    protected JobStorage Storage() =>
        new(new S3StorageOptions(S3.Endpoint, S3.Region, QrunServices.Bucket, S3.AccessKeyId, S3.SecretAccessKey));

    protected Task<IReadOnlyList<string>> Keys() => S3.ListObjectKeysAsync(QrunServices.Bucket);
}
