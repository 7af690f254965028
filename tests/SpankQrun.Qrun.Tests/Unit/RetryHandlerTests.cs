using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using SpankQrun.DirectAccess.Http;
using SpankQrun.Qrun.Tests.Infrastructure;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

/// <summary>
/// The retry handler every qrun client sends through: what is retried, how often, after which waits, within which
/// bounds, and that a request goes out again whole, over a real socket too.
/// </summary>
public sealed class RetryHandlerTests
{
    private static readonly RetrySettings Settings = new(3, TimeSpan.FromMilliseconds(8), TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(5));

    private static HttpClient Client(StubService service, List<RetryNotice> notices, RetrySettings? settings = null) =>
        new(new RetryHandler(settings ?? Settings, notices.Add) { InnerHandler = service.CreateHandler() });

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task ATransientStatus_IsRetriedUpToTheLimit_AndTheLastAnswerIsTheCallers(HttpStatusCode status)
    {
        var service = new StubService((_, _) => new HttpResponseMessage(status));
        var notices = new List<RetryNotice>();
        using var client = Client(service, notices);

        using var response = await client.GetAsync(new Uri("http://service.example/v1/jobs"));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(Settings.MaxRetryAttempts + 1, service.Count("/v1/jobs"));
        Assert.Equal([1, 2, 3], notices.Select(notice => notice.Retry));
        Assert.All(notices, notice => Assert.Equal((int)status, notice.Status));
        Assert.All(notices, notice => Assert.Equal(Settings.MaxRetryAttempts, notice.MaxRetries));
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.Locked)]
    public async Task AnyOtherAnswer_IsTheCallersAtOnce(HttpStatusCode status)
    {
        var service = new StubService((_, _) => new HttpResponseMessage(status));
        var notices = new List<RetryNotice>();
        using var client = Client(service, notices);

        using var response = await client.GetAsync(new Uri("http://service.example/v1/jobs"));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(1, service.Count("/v1/jobs"));
        Assert.Empty(notices);
    }

    [Fact]
    public async Task AFailedConnection_IsRetried_AndTheLastFailureIsThrown()
    {
        var attempts = 0;
        var service = new StubService((_, _) => throw new HttpRequestException($"refused {Interlocked.Increment(ref attempts)}", new SocketException((int)SocketError.ConnectionRefused)));
        var notices = new List<RetryNotice>();
        using var client = Client(service, notices);

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("http://service.example/v1/jobs")));

        Assert.Equal("refused 4", exception.Message);
        Assert.Equal(4, attempts);
        Assert.All(notices, notice => Assert.IsType<HttpRequestException>(notice.Failure));
        Assert.All(notices, notice => Assert.Null(notice.Status));
    }

    [Fact]
    public async Task AnAttemptWithoutAnswer_EndsAtTheAttemptTimeout_AndIsRetried()
    {
        var settings = Settings with { AttemptTimeout = TimeSpan.FromMilliseconds(100) };
        var attempts = 0;
        using var client = new HttpClient(new RetryHandler(settings) { InnerHandler = new SilentHandler(() => Interlocked.Increment(ref attempts)) });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAsync<AttemptTimeoutException>(() => client.GetAsync(new Uri("http://service.example/v1/jobs")));

        Assert.Equal(settings.MaxRetryAttempts + 1, attempts);
        // Four attempts of 100 ms and three waits of at most 20 ms: well under the 5 s a hung service would cost without the bound.
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task TheWaits_GrowExponentiallyWithJitter_UpToTheCap()
    {
        var settings = new RetrySettings(6, TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(5));
        var service = new StubService((_, _) => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        var notices = new List<RetryNotice>();
        using var client = Client(service, notices, settings);

        using var response = await client.GetAsync(new Uri("http://service.example/v1/jobs"));

        // Retry n waits between half and all of min(2 ms * 2^(n-1), 20 ms).
        double[] full = [2, 4, 8, 16, 20, 20];
        Assert.Equal(full.Length, notices.Count);
        for (var i = 0; i < full.Length; i++)
        {
            Assert.InRange(notices[i].Delay.TotalMilliseconds, full[i] / 2, full[i]);
        }
    }

    [Fact]
    public async Task RetryAfter_SetsTheWait_ButNeverBeyondTheCap()
    {
        var calls = 0;
        var service = new StubService((_, _) => new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            Headers = { RetryAfter = new RetryConditionHeaderValue(++calls == 1 ? TimeSpan.FromMilliseconds(15) : TimeSpan.FromHours(1)) },
        });
        var notices = new List<RetryNotice>();
        using var client = Client(service, notices, Settings with { MaxRetryAttempts = 2 });

        using var response = await client.GetAsync(new Uri("http://service.example/v1/jobs"));

        Assert.Equal([TimeSpan.FromMilliseconds(15), Settings.MaxDelay], notices.Select(notice => notice.Delay));
    }

    [Fact]
    public async Task TheCallersCancellation_StopsTheRetries()
    {
        using var cancellation = new CancellationTokenSource();
        var service = new StubService((_, _) =>
        {
            cancellation.Cancel();
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        });
        var notices = new List<RetryNotice>();
        var slow = Settings with { BaseDelay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromSeconds(30) };
        using var invoker = new HttpMessageInvoker(new RetryHandler(slow, notices.Add) { InnerHandler = service.CreateHandler() });
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://service.example/v1/jobs");

        using var response = await invoker.SendAsync(request, cancellation.Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, service.Count("/v1/jobs"));
        Assert.Empty(notices);
    }

    [Fact]
    public async Task OverARealSocket_TheRequestGoesOutAgainWhole()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var bodies = new List<string>();
        var server = Task.Run(async () =>
        {
            // First connection: 503 and close; second: 200.
            foreach (var answer in new[] { "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok" })
            {
                using var connection = await listener.AcceptTcpClientAsync();
                var stream = connection.GetStream();
                bodies.Add(await ReadRequestBodyAsync(stream));
                await stream.WriteAsync(Encoding.ASCII.GetBytes(answer));
            }
        });
        var notices = new List<RetryNotice>();
        using var client = new HttpClient(new RetryHandler(Settings, notices.Add) { InnerHandler = new SocketsHttpHandler() });

        using var response = await client.PostAsync(new Uri($"http://127.0.0.1:{port}/v1/jobs"), new ByteArrayContent("""{"id":"j1"}"""u8.ToArray()));
        await server.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["""{"id":"j1"}""", """{"id":"j1"}"""], bodies);
        Assert.Single(notices);
    }

    /// <summary>Reads one HTTP/1.1 request with a Content-Length body and returns the body.</summary>
    private static async Task<string> ReadRequestBodyAsync(NetworkStream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            var text = Encoding.ASCII.GetString([.. received]);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                var length = text[..end].Split("\r\n").Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    .Select(line => int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
                if (received.Count >= end + 4 + length)
                {
                    return Encoding.UTF8.GetString([.. received.Skip(end + 4).Take(length)]);
                }
            }

            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                throw new IOException("the client closed the connection before the request was whole");
            }

            received.AddRange(buffer.Take(read));
        }
    }

    /// <summary>A service that never answers: each attempt waits until it is cancelled.</summary>
    private sealed class SilentHandler(Action onAttempt) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onAttempt();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
