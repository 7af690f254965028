using System.Net;
using System.Net.Http.Headers;
using SpankQrun.DirectAccess.Http;

namespace SpankQrun.DirectAccess.Storage;

/// <summary>
/// The job's objects in an S3-compatible bucket: upload the input, presign URLs for the service, read results
/// and logs back, delete everything. Every request is an ordinary HttpClient request on a URL presigned by
/// <see cref="SigV4Presigner"/>, through one pooled client that retries transient failures. Uploads are byte-exact
/// (no aws-chunked encoding, no checksum trailer), which stores such as s3rver need.
/// </summary>
public sealed class JobStorage : IDisposable
{
    /// <summary>The largest object <see cref="GetAsync"/> reads (results and logs are far smaller).</summary>
    public const long MaxDownloadBytes = 1L << 30;

    /// <summary>How long the URLs of qrun's own requests are valid: one request and its retries.</summary>
    private static readonly TimeSpan RequestUrlLifetime = TimeSpan.FromMinutes(15);

    private const int MaxErrorBodyBytes = 64 * 1024;

    private readonly HttpClient http;
    private readonly S3StorageOptions options;
    private readonly string endpointShown;

    /// <summary>Creates the HTTP client for <paramref name="options"/>.</summary>
    public JobStorage(S3StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        endpointShown = UrlRedactor.Redact(options.Endpoint);
        var retry = new RetrySettings(options.MaxErrorRetry, RetryBaseDelay, RetryMaxDelay, options.RequestTimeout);
        http = new HttpClient(new RetryHandler(retry) { InnerHandler = new SocketsHttpHandler() })
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = MaxDownloadBytes,
        };
    }

    private static readonly TimeSpan RetryBaseDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RetryMaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>The longest validity a presigned URL gets: seven days, SigV4's limit; longer asks are shortened to it.</summary>
    public static readonly TimeSpan MaxPresignedUrlLifetime = SigV4Presigner.MaxLifetime;

    /// <summary>The bucket this storage writes to.</summary>
    public string Bucket => options.Bucket;

    /// <summary>Uploads <paramref name="content"/> as <paramref name="key"/>.</summary>
    public async Task PutAsync(string key, byte[] content, CancellationToken cancellationToken)
    {
        var body = new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        using var response = await RequestAsync("upload", key, HttpMethod.Put, body, missingIsAnAnswer: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A presigned GET URL for <paramref name="key"/> (the service reads the input with it). Secret.</summary>
    public Task<string> PresignDownloadAsync(string key, TimeSpan validFor) => Task.FromResult(Presign(key, HttpMethod.Get, validFor));

    /// <summary>A presigned PUT URL for <paramref name="key"/> (the service writes results and logs with it). Secret.</summary>
    public Task<string> PresignUploadAsync(string key, TimeSpan validFor) => Task.FromResult(Presign(key, HttpMethod.Put, validFor));

    /// <summary>The object's bytes, or null when it does not exist.</summary>
    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await RequestAsync("download", key, HttpMethod.Get, null, missingIsAnAnswer: true, cancellationToken).ConfigureAwait(false);
        return response is null ? null : await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The object's size in bytes, or null when it does not exist.</summary>
    public async Task<long?> SizeAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await RequestAsync("stat", key, HttpMethod.Head, null, missingIsAnAnswer: true, cancellationToken).ConfigureAwait(false);
        return response is null ? null : response.Content.Headers.ContentLength ?? 0;
    }

    /// <summary>Deletes the object; a missing object is not an error.</summary>
    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await RequestAsync("delete", key, HttpMethod.Delete, null, missingIsAnAnswer: true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    /// <summary>
    /// A SigV4 presigned URL for <paramref name="method"/> on <paramref name="key"/>, valid for <paramref name="validFor"/>
    /// (1 s to <see cref="MaxPresignedUrlLifetime"/>; shorter or longer asks are brought to those). Secret: never print it whole.
    /// </summary>
    private string Presign(string key, HttpMethod method, TimeSpan validFor) =>
        SigV4Presigner.Presign(options, method.Method, key, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(Math.Clamp(validFor.TotalSeconds, 1, MaxPresignedUrlLifetime.TotalSeconds)));

    /// <summary>
    /// One request, <paramref name="method"/> on <paramref name="key"/>, on a URL presigned for it: the answer when it
    /// succeeded; null when the object does not exist and <paramref name="missingIsAnAnswer"/> (reads and deletes,
    /// never an upload); any other answer, or none, is a <see cref="StorageException"/>.
    /// </summary>
    private async Task<HttpResponseMessage?> RequestAsync(string action, string key, HttpMethod method, HttpContent? content, bool missingIsAnAnswer, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, Presign(key, method, RequestUrlLifetime)) { Content = content };
        var response = await SendAsync(action, key, request, cancellationToken).ConfigureAwait(false);
        try
        {
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            await ThrowUnlessMissingAsync(action, key, response, missingIsAnAnswer, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        response.Dispose();
        return null;
    }

    /// <summary>Sends one request (retried on transient failures); a store that does not answer is a <see cref="StorageException"/>.</summary>
    private async Task<HttpResponseMessage> SendAsync(string action, string key, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            throw new StorageException(StorageMessages.Failed(action, options.Bucket, key, endpointShown, StorageMessages.TooLarge(MaxDownloadBytes)), isUnreachable: false);
        }
        catch (Exception exception) when (NoAnswer.Is(exception))
        {
            throw new StorageException(StorageMessages.Failed(action, options.Bucket, key, endpointShown, FailureDescription.Of(exception)), isUnreachable: true);
        }
    }

    /// <summary>
    /// Returns for a 404 about the object itself (NoSuchKey, or a HEAD's empty body, not a missing bucket) when
    /// <paramref name="missingIsAnAnswer"/>; otherwise throws a <see cref="StorageException"/> naming the error answer's
    /// status and S3 error code.
    /// </summary>
    private async Task ThrowUnlessMissingAsync(string action, string key, HttpResponseMessage response, bool missingIsAnAnswer, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var (code, message) = await S3ErrorBody.ReadAsync(response.Content, MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
        if (missingIsAnAnswer && response.StatusCode == HttpStatusCode.NotFound && code is null or "NoSuchKey" or "NotFound")
        {
            return;
        }

        var reason = StorageMessages.ServiceAnswered(status, code, UrlRedactor.Redact(message ?? response.ReasonPhrase));
        throw new StorageException(StorageMessages.Failed(action, options.Bucket, key, endpointShown, reason), isUnreachable: status >= 500);
    }
}
