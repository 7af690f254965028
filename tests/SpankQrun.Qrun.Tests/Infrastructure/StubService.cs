using System.Net;
using System.Text;

namespace SpankQrun.Qrun.Tests.Infrastructure;

/// <summary>An in-memory HTTP service: each request is recorded and answered by a delegate.</summary>
internal sealed class StubService(Func<HttpRequestMessage, string?, HttpResponseMessage> respond)
{
    private readonly List<(HttpMethod Method, string Path, string? Authorization, string? ServiceCrn, string? Body)> requests = [];
    private readonly Lock gate = new();
    private readonly Func<HttpRequestMessage, string?, HttpResponseMessage> responder = respond;

    public IReadOnlyList<(HttpMethod Method, string Path, string? Authorization, string? ServiceCrn, string? Body)> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    public int Count(string path) => Requests.Count(request => request.Path == path);

    public HttpMessageHandler CreateHandler() => new Handler(this);

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Token(string value, int expiresIn = 3600) =>
        Json(HttpStatusCode.OK, $$"""{"access_token":"{{value}}","expires_in":{{expiresIn}},"token_type":"Bearer"}""");

    private sealed class Handler(StubService service) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (service.gate)
            {
                service.requests.Add((
                    request.Method,
                    request.RequestUri!.AbsolutePath,
                    request.Headers.Authorization?.ToString(),
                    request.Headers.TryGetValues("Service-CRN", out var crn) ? crn.Single() : null,
                    body));
            }

            var response = service.responder(request, body);
            response.RequestMessage = request;
            return response;
        }
    }
}
