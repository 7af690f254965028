using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace SpankQrun.TestSupport;

/// <summary>
/// s3rver (node_modules/.bin/s3rver at the repository root) as a child process on a free 127.0.0.1 port,
/// storing its objects in a fresh temporary directory that is removed on dispose.
/// </summary>
public sealed partial class S3Server : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly ChildProcess _process;
    private readonly string _directory;

    private S3Server(ChildProcess process, string directory, Uri endpoint)
    {
        _process = process;
        _directory = directory;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>The s3rver process's id, e.g. to freeze it with SIGSTOP as a hung store.</summary>
    public int ProcessId => _process.Id;

    /// <summary>s3rver's fixed access key id.</summary>
    public string AccessKeyId => "S3RVER";

    /// <summary>s3rver's fixed secret access key.</summary>
    public string SecretAccessKey => "S3RVER";

    public string Region => "us-east-1";

    public static async Task<S3Server> StartAsync(CancellationToken cancellationToken = default)
    {
        var root = RepositoryRoot.Find();
        var executable = Path.Combine(root, "node_modules", ".bin", "s3rver");
        if (!File.Exists(executable))
            throw new FileNotFoundException($"s3rver is not installed: run `npm ci` in {root}", executable);

        var directory = Directory.CreateTempSubdirectory("spankqrun-s3rver-").FullName;
        // Port 0: the kernel picks a free port and s3rver prints it, so parallel test runs never collide.
        var process = ChildProcess.Start(executable, ["-d", directory, "-a", "127.0.0.1", "-p", "0"], directory);
        try
        {
            var match = await process.WaitForLineAsync(ListeningLine(), StartTimeout, cancellationToken);
            return new S3Server(process, directory, new Uri($"http://127.0.0.1:{match.Groups["port"].Value}"));
        }
        catch
        {
            await process.DisposeAsync();
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    public async Task CreateBucketAsync(string bucket)
    {
        using var client = CreateClient();
        await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
    }

    public async Task DeleteObjectAsync(string bucket, string key)
    {
        using var client = CreateClient();
        await client.DeleteObjectAsync(bucket, key);
    }

    public async Task<IReadOnlyList<string>> ListObjectKeysAsync(string bucket)
    {
        using var client = CreateClient();
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket };
        ListObjectsV2Response response;
        do
        {
            response = await client.ListObjectsV2Async(request);
            keys.AddRange((response.S3Objects ?? []).Select(item => item.Key));
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
        return keys;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process; the temporary directory is cleaned by the system later.
        }
    }

    private AmazonS3Client CreateClient() => new(
        new BasicAWSCredentials(AccessKeyId, SecretAccessKey),
        new AmazonS3Config
        {
            ServiceURL = Endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = Region,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    [GeneratedRegex(@"S3rver listening on 127\.0\.0\.1:(?<port>[0-9]+)")]
    private static partial Regex ListeningLine();
}
