using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using SpankQrun.TestSupport;

namespace SpankQrun.Emulator.Tests.Infrastructure;

/// <summary>Puts job inputs into s3rver and makes the presigned URLs a Direct Access client would send.</summary>
public sealed class TestStorage(S3Server server, string bucket) : IDisposable
{
    private readonly AmazonS3Client _client = new(
        new BasicAWSCredentials(server.AccessKeyId, server.SecretAccessKey),
        new AmazonS3Config
        {
            ServiceURL = server.Endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = server.Region,
            // Without these the SDK uploads aws-chunked bodies with a CRC trailer, which s3rver stores verbatim.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    public string Bucket => bucket;

    public async Task PutAsync(string key, string content)
    {
        await _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            ContentBody = content,
            ContentType = "application/json",
            UseChunkEncoding = false,
        });
    }

    /// <summary>The object's content, or null when it does not exist.</summary>
    public async Task<string?> GetOrNullAsync(string key)
    {
        try
        {
            using var response = await _client.GetObjectAsync(bucket, key);
            using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
            return await reader.ReadToEndAsync();
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public string PresignGet(string key) => Presign(key, HttpVerb.GET);

    public string PresignPut(string key) => Presign(key, HttpVerb.PUT);

    public void Dispose() => _client.Dispose();

    private string Presign(string key, HttpVerb verb) => _client.GetPreSignedURL(new GetPreSignedUrlRequest
    {
        BucketName = bucket,
        Key = key,
        Verb = verb,
        Protocol = Protocol.HTTP,
        Expires = DateTime.UtcNow.AddHours(1),
    });
}
