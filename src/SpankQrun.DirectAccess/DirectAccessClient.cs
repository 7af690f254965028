using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SpankQrun.DirectAccess.Auth;
using SpankQrun.DirectAccess.Http;
using SpankQrun.DirectAccess.Jobs;

namespace SpankQrun.DirectAccess;

/// <summary>
/// The Direct Access job calls qrun needs. Every call is authenticated, retried on transient failures
/// and fails with a <see cref="DirectAccessException"/> whose message holds no secret.
/// </summary>
public sealed partial class DirectAccessClient : IDisposable
{
    private const string DuplicateJobCode = "1231";
    private const string NotCancellableCode = "1306";

    private readonly Uri endpoint;
    private readonly HttpClient tokenHttp;
    private readonly TokenSource tokens;
    private readonly HttpClient http;

    /// <summary>Creates the client and its HTTP pipelines.</summary>
    public DirectAccessClient(DirectAccessClientOptions options)
        : this(options, static () => new SocketsHttpHandler())
    {
    }

    /// <summary>Creates the client over another transport (tests use a stub service).</summary>
    internal DirectAccessClient(DirectAccessClientOptions options, Func<HttpMessageHandler> transport)
    {
        ArgumentNullException.ThrowIfNull(options);
        endpoint = options.Endpoint;
        var log = options.Log;
        Action<RetryNotice>? onRetry = log is null ? null : notice => log(DescribeRetry(notice));

        tokenHttp = new HttpClient(new RetryHandler(options.Retry, onRetry, options.Time) { InnerHandler = transport() })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        tokens = new TokenSource(options.Credentials, options.Endpoint, tokenHttp, options.Time);

        var serviceCrn = (options.Credentials as IamCredentials)?.ServiceCrn;
        var chain = new BearerTokenHandler(tokens, serviceCrn)
        {
            InnerHandler = new RetryHandler(options.Retry, onRetry, options.Time)
            {
                InnerHandler = new AttemptCounter { InnerHandler = transport() },
            },
        };
        http = new HttpClient(chain) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Fetches a token now, so refused credentials show before anything is uploaded or submitted.</summary>
    public Task AuthenticateAsync(CancellationToken cancellationToken) => tokens.GetTokenAsync(false, cancellationToken);

    /// <summary>
    /// <c>POST /v1/jobs</c>. Retried like every call (the id is ours, so a repeat cannot start a second job):
    /// a 409 duplicate on a later attempt means an earlier attempt was accepted.
    /// </summary>
    public async Task SubmitJobAsync(JobSubmission job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var body = JsonSerializer.SerializeToUtf8Bytes(job, DirectAccessJsonContext.Default.JobSubmission);
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoints.Combine(endpoint, "v1/jobs"))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        using var response = await ServiceCall.SendAsync(http, request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        if (response.StatusCode == HttpStatusCode.Conflict && AttemptCounter.AttemptsOf(request) > 1)
        {
            var error = await ServiceError.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            if (error.Code is null or DuplicateJobCode)
            {
                return;
            }
        }

        await ServiceCall.ThrowForFailureAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /v1/jobs</c>, oldest first.</summary>
    public async Task<IReadOnlyList<JobInfo>> ListJobsAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoints.Combine(endpoint, "v1/jobs"));
        using var response = await ServiceCall.SendAsync(http, request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            await ServiceCall.ThrowForFailureAsync(response, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize(text, DirectAccessJsonContext.Default.JobList)?.Jobs ?? [];
        }
        catch (JsonException exception)
        {
            throw new DirectAccessException(DirectAccessFailure.InvalidResponse, DirectAccessMessages.NotJson("GET", UrlRedactor.Redact(request.RequestUri), exception.Message), (int)response.StatusCode);
        }
    }

    /// <summary><c>GET /v1/backends</c>: the backends the service instance offers, with their status.</summary>
    public async Task<IReadOnlyList<BackendInfo>> ListBackendsAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoints.Combine(endpoint, "v1/backends"));
        using var response = await ServiceCall.SendAsync(http, request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            await ServiceCall.ThrowForFailureAsync(response, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize(text, DirectAccessJsonContext.Default.BackendList)?.Backends ?? [];
        }
        catch (JsonException exception)
        {
            throw new DirectAccessException(DirectAccessFailure.InvalidResponse, DirectAccessMessages.NotJson("GET", UrlRedactor.Redact(request.RequestUri), exception.Message), (int)response.StatusCode);
        }
    }

    /// <summary>The listed job with this id, or null when the service does not list it.</summary>
    public async Task<JobInfo?> FindJobAsync(string id, CancellationToken cancellationToken)
    {
        var jobs = await ListJobsAsync(cancellationToken).ConfigureAwait(false);
        return jobs.FirstOrDefault(job => string.Equals(job.Id, id, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary><c>POST /v1/jobs/{id}/cancel</c>. False when the job is unknown or already final.</summary>
    public async Task<bool> CancelJobAsync(string id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoints.Combine(endpoint, $"v1/jobs/{Uri.EscapeDataString(id)}/cancel"));
        using var response = await ServiceCall.SendAsync(http, request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return true;
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            var error = await ServiceError.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            if (error.Code is null or NotCancellableCode)
            {
                return false;
            }
        }

        await ServiceCall.ThrowForFailureAsync(response, cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary><c>DELETE /v1/jobs/{id}</c> (frees its execution lane). False when the service does not know the job.</summary>
    public async Task<bool> DeleteJobAsync(string id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, Endpoints.Combine(endpoint, $"v1/jobs/{Uri.EscapeDataString(id)}"));
        using var response = await ServiceCall.SendAsync(http, request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return true;
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await ServiceCall.ThrowForFailureAsync(response, cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        http.Dispose();
        tokens.Dispose();
        tokenHttp.Dispose();
    }

    /// <summary>The line a retry logs: the call, what went wrong, and when it is tried again.</summary>
    private static string DescribeRetry(RetryNotice notice)
    {
        var what = notice.Failure is { } failure ? FailureDescription.Of(failure) : DirectAccessMessages.HttpStatus(notice.Status.GetValueOrDefault());
        var call = $"{notice.Request.Method} {UrlRedactor.Redact(notice.Request.RequestUri)}";
        return DirectAccessMessages.Retrying($"{call}: {what}", notice.Retry, notice.MaxRetries, notice.Delay);
    }
}
