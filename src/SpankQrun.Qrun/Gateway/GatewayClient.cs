using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SpankQrun.DirectAccess.Http;
using SpankQrun.Gateway.Contract;

namespace SpankQrun.Qrun.Gateway;

/// <summary>
/// qrun's side of the qrun-gateway API: every call carries a fresh MUNGE credential and is retried on
/// transient failures; a small input goes to the gateway inside the job's creation, a larger one and the results
/// travel between qrun and storage through the short-lived presigned URLs the gateway hands out for this job's own
/// objects, never through the gateway.
/// Every failure becomes a <see cref="GatewayFailure"/> whose message names the gateway.
/// </summary>
internal sealed class GatewayClient : IDisposable
{
    /// <summary>The largest results or log document qrun downloads.</summary>
    public const long MaxDownloadBytes = 1L << 30;

    private const int MaxErrorBodyBytes = 64 * 1024;

    private readonly Uri gateway;
    private readonly string gatewayShown;
    private readonly HttpClient api;
    private readonly HttpClient storage;
    private readonly PreparedCredentials credentials;

    public GatewayClient(Uri gateway, RetrySettings retry, Action<string> log, PreparedCredentials credentials)
        : this(gateway, retry, log, credentials, static () => new SocketsHttpHandler())
    {
    }

    internal GatewayClient(Uri gateway, RetrySettings retry, Action<string> log, Func<string, string> encode, Func<HttpMessageHandler> transport)
        : this(gateway, retry, log, new PreparedCredentials(encode, TimeProvider.System), transport)
    {
    }

    internal GatewayClient(Uri gateway, RetrySettings retry, Action<string> log, PreparedCredentials credentials, Func<HttpMessageHandler> transport)
    {
        this.gateway = gateway;
        this.credentials = credentials;
        gatewayShown = UrlRedactor.Redact(gateway);
        Action<RetryNotice> onRetry = notice => log(DescribeRetry(notice));
        api = new HttpClient(new RetryHandler(retry, onRetry) { InnerHandler = new MungeAuthenticationHandler(credentials.Take) { InnerHandler = transport() } })
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = MaxErrorBodyBytes * 16,
        };
        storage = new HttpClient(new RetryHandler(retry, onRetry) { InnerHandler = transport() })
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = MaxDownloadBytes,
        };
    }

    /// <summary>The gateway as messages show it.</summary>
    public string Shown => gatewayShown;

    /// <summary>The MUNGE payload of a <paramref name="method"/> request to <paramref name="path"/> of <paramref name="gateway"/>.</summary>
    public static string PayloadFor(Uri gateway, HttpMethod method, string path) =>
        GatewayAuthentication.Payload(method.Method, UriFor(gateway, path).AbsolutePath);

    /// <summary>Starts making the credential of job <paramref name="id"/>'s submit (see <see cref="PreparedCredentials"/>).</summary>
    public void PrepareSubmit(string id) => credentials.Prepare(PayloadFor(gateway, HttpMethod.Post, GatewayPaths.Submit(id)));

    /// <summary>Starts making the credential of the next status request of job <paramref name="id"/>.</summary>
    public void PrepareStatus(string id) => credentials.Prepare(PayloadFor(gateway, HttpMethod.Get, GatewayPaths.Job(id)));

    /// <summary>Starts making the credential of job <paramref name="id"/>'s deletion.</summary>
    public void PrepareDelete(string id) => credentials.Prepare(PayloadFor(gateway, HttpMethod.Delete, GatewayPaths.Job(id)));

    /// <summary>
    /// Creates a job; with its input inline (<see cref="CreateJobRequest.Input"/>, under the id qrun chose) the gateway
    /// submits it too. A 409 on a later attempt of that request means an earlier attempt submitted the job: it is then
    /// read instead.
    /// </summary>
    public async Task<CreateJobResponse> CreateJobAsync(CreateJobRequest body, CancellationToken cancellationToken)
    {
        var content = JsonContent(body, GatewayJsonContext.Default.CreateJobRequest);
        try
        {
            return (await SendAsync(HttpMethod.Post, GatewayPaths.Jobs, content, GatewayJsonContext.Default.CreateJobResponse, cancellationToken).ConfigureAwait(false))!;
        }
        catch (GatewayFailure failure) when (body.Id is { } id && failure.StatusCode == (int)HttpStatusCode.Conflict && failure.Data.Contains(RetriedKey))
        {
            var job = await GetJobAsync(id, cancellationToken).ConfigureAwait(false);
            return new CreateJobResponse { Id = job.Id, Status = job.Status, TimeoutSecs = job.TimeoutSecs };
        }
    }

    /// <summary>
    /// Submits the uploaded job with its timeout. A 409 on a later attempt means an earlier attempt was accepted: the
    /// job is then read instead.
    /// </summary>
    public async Task<JobView> SubmitAsync(string id, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var body = JsonContent(new SubmitJobRequest { TimeoutSecs = timeoutSeconds }, GatewayJsonContext.Default.SubmitJobRequest);
        try
        {
            return (await SendAsync(HttpMethod.Post, GatewayPaths.Submit(id), body, GatewayJsonContext.Default.JobView, cancellationToken).ConfigureAwait(false))!;
        }
        catch (GatewayFailure failure) when (failure.StatusCode == (int)HttpStatusCode.Conflict && failure.Data.Contains(RetriedKey))
        {
            return await GetJobAsync(id, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<JobView> GetJobAsync(string id, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Get, GatewayPaths.Job(id), null, GatewayJsonContext.Default.JobView, cancellationToken).ConfigureAwait(false))!;

    public async Task CancelAsync(string id, CancellationToken cancellationToken) =>
        await SendAsync<JobView>(HttpMethod.Post, GatewayPaths.Cancel(id), null, null, cancellationToken).ConfigureAwait(false);

    public async Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        await SendAsync<JobView>(HttpMethod.Delete, GatewayPaths.Job(id), null, null, cancellationToken).ConfigureAwait(false);

    /// <summary>PUTs the input to the presigned URL the gateway gave for it.</summary>
    public async Task UploadAsync(string presignedUrl, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, presignedUrl) { Content = new ReadOnlyMemoryContent(content) };
        using var response = await SendStorageAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GETs a document (results, log) from a presigned URL; null when the object does not exist.</summary>
    public async Task<byte[]?> DownloadAsync(string presignedUrl, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, presignedUrl);
        using var response = await SendStorageAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken, allowNotFound: true).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (response.Content.Headers.ContentLength > MaxDownloadBytes)
        {
            throw new GatewayFailure(ExitCodes.ServiceUnavailable, GatewayMessages.DownloadTooLarge(UrlRedactor.Redact(request.RequestUri), MaxDownloadBytes));
        }

        try
        {
            return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw new GatewayFailure(ExitCodes.ServiceUnavailable, GatewayMessages.StorageUnreachable("GET", UrlRedactor.Redact(request.RequestUri), UrlRedactor.Redact(exception.Message)));
        }
    }

    public void Dispose()
    {
        api.Dispose();
        storage.Dispose();
    }

    private static readonly string RetriedKey = "SpankQrun.Gateway.Retried";

    private static Uri UriFor(Uri gateway, string path) => new(gateway.AbsoluteUri.TrimEnd('/') + path);

    private async Task<T?> SendAsync<T>(HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T>? answer, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(method, UriFor(gateway, path)) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await api.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (NoAnswer.Is(exception))
        {
            throw new GatewayFailure(ExitCodes.ServiceUnavailable, GatewayMessages.Unreachable(gatewayShown, method.Method, path, Describe(exception)));
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var failure = await FailureOfAsync(response, method.Method, path, cancellationToken).ConfigureAwait(false);
                if (MungeAuthenticationHandler.AttemptsOf(request) > 1)
                {
                    failure.Data[RetriedKey] = true;
                }

                throw failure;
            }

            if (answer is null)
            {
                return null;
            }

            try
            {
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                return JsonSerializer.Deserialize(body, answer)
                    ?? throw new JsonException("null document");
            }
            catch (Exception exception) when (exception is JsonException or HttpRequestException or IOException)
            {
                throw new GatewayFailure(ExitCodes.ServiceUnavailable, GatewayMessages.InvalidAnswer(gatewayShown, method.Method, path, UrlRedactor.Redact(exception.Message)));
            }
        }
    }

    private async Task<GatewayFailure> FailureOfAsync(HttpResponseMessage response, string method, string path, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        string? code = null;
        string? reason = null;
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (body.Length is > 0 and <= MaxErrorBodyBytes
                && JsonSerializer.Deserialize(body, GatewayJsonContext.Default.ErrorBody) is { } error)
            {
                var first = error.Errors.FirstOrDefault();
                code = first?.Code;
                reason = first is null ? error.Title : string.IsNullOrWhiteSpace(first.Solution) ? first.Message : $"{first.Message} ({first.Solution})";
            }
        }
        catch (Exception exception) when (exception is JsonException or HttpRequestException or IOException)
        {
            // The status alone is then the reason.
        }

        reason = UrlRedactor.Redact(string.IsNullOrWhiteSpace(reason) ? response.ReasonPhrase : reason);
        var exitCode = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            ? ExitCodes.ServiceUnavailable
            : ExitCodes.UsageOrConfiguration;
        var message = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => GatewayMessages.NotAuthenticated(gatewayShown, reason),
            HttpStatusCode.Forbidden => GatewayMessages.NotAllowed(gatewayShown, reason),
            _ => GatewayMessages.Refused(gatewayShown, method, path, status, code, reason),
        };
        return new GatewayFailure(exitCode, message, status, code);
    }

    private async Task<HttpResponseMessage> SendStorageAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken, bool allowNotFound = false)
    {
        var method = request.Method.Method;
        var url = UrlRedactor.Redact(request.RequestUri);
        HttpResponseMessage response;
        try
        {
            response = await storage.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (NoAnswer.Is(exception))
        {
            throw new GatewayFailure(ExitCodes.ServiceUnavailable, GatewayMessages.StorageUnreachable(method, url, Describe(exception)));
        }

        if (response.IsSuccessStatusCode || (allowNotFound && response.StatusCode == HttpStatusCode.NotFound))
        {
            return response;
        }

        var status = (int)response.StatusCode;
        response.Dispose();
        throw new GatewayFailure(
            status >= 500 ? ExitCodes.ServiceUnavailable : ExitCodes.UsageOrConfiguration,
            GatewayMessages.StorageRefused(method, url, status),
            status);
    }

    private static string Describe(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is System.Net.Sockets.SocketException socket)
            {
                return UrlRedactor.Redact(socket.Message);
            }
        }

        return exception is AttemptTimeoutException or OperationCanceledException
            ? GatewayMessages.TimedOut
            : UrlRedactor.Redact(exception.Message);
    }

    private static ByteArrayContent JsonContent<T>(T body, JsonTypeInfo<T> type) =>
        new(JsonSerializer.SerializeToUtf8Bytes(body, type)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

    private static string DescribeRetry(RetryNotice notice)
    {
        var what = notice.Failure is { } failure ? Describe(failure) : GatewayMessages.HttpStatus(notice.Status.GetValueOrDefault());
        return GatewayMessages.Retrying(notice.Request.Method.Method, UrlRedactor.Redact(notice.Request.RequestUri), what, notice.Retry, notice.MaxRetries, notice.Delay);
    }
}
