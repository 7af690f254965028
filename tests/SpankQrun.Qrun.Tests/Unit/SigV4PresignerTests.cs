using System.Web;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using SpankQrun.DirectAccess.Storage;

namespace SpankQrun.Qrun.Tests.Unit;

/// <summary>
/// qrun's own SigV4 presigning against AWS's published example and against AWSSDK.S3 (the library it replaced) on the
/// same requests at the same time. The local S3 server the other tests use (s3rver) does not check SigV4 signatures,
/// so these are what holds the signatures to the standard.
/// </summary>
public sealed class SigV4PresignerTests
{
    private const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    [Fact]
    public void PresignPath_AwsDocumentationExample_GivesItsSignature()
    {
        // "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)", Amazon S3 API reference.
        var url = SigV4Presigner.PresignPath(
            new SigV4Presigner.Credentials(AccessKey, SecretKey, "us-east-1"),
            "GET",
            "https",
            "examplebucket.s3.amazonaws.com",
            "/test.txt",
            new DateTimeOffset(2013, 5, 24, 0, 0, 0, TimeSpan.Zero),
            TimeSpan.FromDays(1));

        Assert.Equal(
            "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z"
            + "&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
            url);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9000/", "us-east-1", "qrun-jobs", "input_3f2a.json", "GET")]
    [InlineData("http://127.0.0.1:9000/", "us-east-1", "qrun-jobs", "results_3f2a.json", "PUT")]
    [InlineData("http://localhost:34191", "eu-de", "bucket.with.dots", "logs_x.json", "DELETE")]
    [InlineData("https://s3.example.org/", "us-south", "b", "input_y.json", "HEAD")]
    [InlineData("https://s3.example.org:8443/", "us-east-1", "b-1", "dir/sub dir/ü+=&.json", "GET")]
    [InlineData("http://[::1]:9000/", "us-east-1", "jobs", "input_z.json", "PUT")]
    public void Presign_PathStyle_SignsAsAwsSdkS3Does(string endpoint, string region, string bucket, string key, string method)
    {
        var options = new S3StorageOptions(new Uri(endpoint), region, bucket, AccessKey, SecretKey);
        using var sdk = new AmazonS3Client(
            new BasicAWSCredentials(AccessKey, SecretKey),
            new AmazonS3Config { ServiceURL = endpoint, AuthenticationRegion = region, ForcePathStyle = true });
        var expected = new Uri(sdk.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = Enum.Parse<HttpVerb>(method),
            Expires = DateTime.UtcNow.AddHours(2),
            Protocol = endpoint.StartsWith("https", StringComparison.Ordinal) ? Protocol.HTTPS : Protocol.HTTP,
        }));
        var sdkQuery = HttpUtility.ParseQueryString(expected.Query);
        var signedAt = DateTimeOffset.ParseExact(sdkQuery["X-Amz-Date"]!, "yyyyMMdd'T'HHmmss'Z'", null, System.Globalization.DateTimeStyles.AssumeUniversal);

        var ours = new Uri(SigV4Presigner.Presign(options, method, key, signedAt, TimeSpan.FromSeconds(int.Parse(sdkQuery["X-Amz-Expires"]!, null))));

        Assert.Equal(expected.GetLeftPart(UriPartial.Path), ours.GetLeftPart(UriPartial.Path));
        var ourQuery = HttpUtility.ParseQueryString(ours.Query);
        foreach (var name in new[] { "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature" })
        {
            Assert.Equal(sdkQuery[name], ourQuery[name]);
        }

        Assert.Equal(sdkQuery.Count, ourQuery.Count);
    }

    [Fact]
    public void Presign_EndpointWithAPath_KeepsItBeforeTheBucket()
    {
        var options = new S3StorageOptions(new Uri("https://gateway.example.org/s3/"), "us-east-1", "jobs", AccessKey, SecretKey);
        var url = new Uri(SigV4Presigner.Presign(options, "GET", "input_1.json", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.Equal("/s3/jobs/input_1.json", url.AbsolutePath);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(604801)]
    public void Presign_ValidityOutsideSigV4sRange_IsRefused(int seconds)
    {
        var options = new S3StorageOptions(new Uri("http://127.0.0.1:9000/"), "us-east-1", "jobs", AccessKey, SecretKey);
        Assert.Throws<ArgumentOutOfRangeException>(() => SigV4Presigner.Presign(options, "GET", "k", DateTimeOffset.UtcNow, TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Credentials_ToString_LeavesTheSecretOut()
    {
        Assert.DoesNotContain(SecretKey, new SigV4Presigner.Credentials(AccessKey, SecretKey, "us-east-1").ToString(), StringComparison.Ordinal);
    }
}
