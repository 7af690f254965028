using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using SpankQrun.DirectAccess.Http;

namespace SpankQrun.DirectAccess.Storage;

/// <summary>
/// The job's objects in an S3-compatible bucket: upload the input, presign URLs for the service, read results
/// and logs back, delete everything. Uploads are byte-exact (no aws-chunked encoding, no checksum trailer),
/// which stores such as s3rver need.
/// </summary>
public sealed class JobStorage : IDisposable
{
    private readonly AmazonS3Client client;
    private readonly S3StorageOptions options;

    /// <summary>Creates the S3 client for <paramref name="options"/>.</summary>
    public JobStorage(S3StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        var config = new AmazonS3Config
        {
            ServiceURL = options.Endpoint.AbsoluteUri,
            AuthenticationRegion = options.Region,
            ForcePathStyle = true,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = options.RequestTimeout,
            MaxErrorRetry = options.MaxErrorRetry,
        };
        client = new AmazonS3Client(new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey), config);
    }

    /// <summary>
    /// The longest validity qrun asks for. SigV4 allows seven days, but once AWSSDK.S3 4.1.0 has corrected its clock
    /// from a server's Date header (second precision), "seven days from now" can come out just over that limit, and
    /// the SDK then silently returns a SigV2 URL, whose signature covers the Content-Type: the service's PUT is
    /// refused with 403. An hour of margin keeps every URL SigV4.
    /// </summary>
    public static readonly TimeSpan MaxPresignedUrlLifetime = TimeSpan.FromDays(7) - TimeSpan.FromHours(1);

    /// <summary>The bucket this storage writes to.</summary>
    public string Bucket => options.Bucket;

    /// <summary>Uploads <paramref name="content"/> as <paramref name="key"/>.</summary>
    public async Task PutAsync(string key, byte[] content, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content, writable: false);
        var request = new PutObjectRequest
        {
            BucketName = options.Bucket,
            Key = key,
            InputStream = stream,
            ContentType = "application/json",
            UseChunkEncoding = false,
        };
        await RunAsync("upload", key, () => client.PutObjectAsync(request, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>A presigned GET URL for <paramref name="key"/> (the service reads the input with it). Secret.</summary>
    public Task<string> PresignDownloadAsync(string key, TimeSpan validFor) => PresignAsync(key, HttpVerb.GET, validFor);

    /// <summary>A presigned PUT URL for <paramref name="key"/> (the service writes results and logs with it). Secret.</summary>
    public Task<string> PresignUploadAsync(string key, TimeSpan validFor) => PresignAsync(key, HttpVerb.PUT, validFor);

    /// <summary>The object's bytes, or null when it does not exist.</summary>
    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync("download", key, async () =>
            {
                using var response = await client.GetObjectAsync(options.Bucket, key, cancellationToken).ConfigureAwait(false);
                using var buffer = new MemoryStream();
                await response.ResponseStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                return buffer.ToArray();
            }).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>The object's size in bytes, or null when it does not exist.</summary>
    public async Task<long?> SizeAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync("stat", key, async () =>
            {
                var metadata = await client.GetObjectMetadataAsync(options.Bucket, key, cancellationToken).ConfigureAwait(false);
                return (long?)metadata.ContentLength;
            }).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>Deletes the object; a missing object is not an error.</summary>
    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        RunAsync("delete", key, () => client.DeleteObjectAsync(options.Bucket, key, cancellationToken));

    /// <inheritdoc />
    public void Dispose() => client.Dispose();

    /// <summary>
    /// A SigV4 presigned URL for <paramref name="verb"/> on <paramref name="key"/>, valid for <paramref name="validFor"/>
    /// (at most <see cref="MaxPresignedUrlLifetime"/>). Secret: never print it whole.
    /// </summary>
    private async Task<string> PresignAsync(string key, HttpVerb verb, TimeSpan validFor)
    {
        if (validFor > MaxPresignedUrlLifetime)
        {
            validFor = MaxPresignedUrlLifetime;
        }

        var request = new GetPreSignedUrlRequest
        {
            BucketName = options.Bucket,
            Key = key,
            Verb = verb,
            Expires = DateTime.UtcNow + validFor,
            Protocol = options.Endpoint.Scheme == Uri.UriSchemeHttps ? Protocol.HTTPS : Protocol.HTTP,
        };
        return await RunAsync("presign", key, () => client.GetPreSignedURLAsync(request)).ConfigureAwait(false);
    }

    private async Task<T> RunAsync<T>(string action, string key, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound && exception.ErrorCode is "NoSuchKey" or null or "NotFound")
        {
            throw new NotFoundException();
        }
        catch (AmazonServiceException exception) when (exception.StatusCode != 0)
        {
            var status = (int)exception.StatusCode;
            var reason = StorageMessages.ServiceAnswered(status, exception.ErrorCode, UrlRedactor.Redact(exception.Message));
            throw new StorageException(StorageMessages.Failed(action, options.Bucket, key, UrlRedactor.Redact(options.Endpoint), reason), isUnreachable: status >= 500);
        }
        catch (Exception exception) when (exception is AmazonClientException or AmazonServiceException or HttpRequestException or IOException)
        {
            throw new StorageException(StorageMessages.Failed(action, options.Bucket, key, UrlRedactor.Redact(options.Endpoint), Innermost(exception)), isUnreachable: true);
        }
    }

    private static string Innermost(Exception exception)
    {
        var current = exception;
        while (current.InnerException is not null)
        {
            current = current.InnerException;
        }

        return UrlRedactor.Redact(current.Message);
    }

    private sealed class NotFoundException : Exception;
}
