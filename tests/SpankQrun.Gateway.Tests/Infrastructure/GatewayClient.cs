using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SpankQrun.Gateway.Contract;

namespace SpankQrun.Gateway.Tests.Infrastructure;

/// <summary>Talks to a gateway as one user, with a fresh MUNGE credential per request (as qrun will).</summary>
public sealed class GatewayClient(Uri baseAddress, string? user)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(120) };

    public string? User => user;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? credential = null, bool authenticate = true)
    {
        var request = new HttpRequestMessage(method, new Uri(baseAddress, path));
        if (authenticate)
        {
            credential ??= await MungeFor.CredentialAsync(user, GatewayAuthentication.Payload(method.Method, path));
            request.Headers.TryAddWithoutValidation(GatewayAuthentication.HeaderName, GatewayAuthentication.HeaderValue(credential));
        }

        if (body is CreateJobRequest create)
            request.Content = JsonContent.Create(create, GatewayJsonContext.Default.CreateJobRequest);
        else if (body is string text)
            request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        return await Http.SendAsync(request);
    }

    public async Task<CreateJobResponse> CreateAsync(string slurmJobId, string backend, long inputBytes, string primitive = "sampler")
    {
        using var response = await SendAsync(HttpMethod.Post, GatewayPaths.Jobs, new CreateJobRequest
        {
            SlurmJobId = slurmJobId,
            SlurmStepId = "0",
            Backend = backend,
            ProgramId = primitive,
            TimeoutSecs = 600,
            InputBytes = inputBytes,
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize(text, GatewayJsonContext.Default.CreateJobResponse)!;
    }

    /// <summary>Creates and submits a job in one request, its input inline under the id given; the answer as it came.</summary>
    public async Task<(HttpStatusCode Status, CreateJobResponse? Created, string Text)> CreateInlineAsync(string slurmJobId, string backend, string input, string id, int? timeoutSecs = null)
    {
        var bytes = Encoding.UTF8.GetBytes(input);
        using var response = await SendAsync(HttpMethod.Post, GatewayPaths.Jobs, new CreateJobRequest
        {
            SlurmJobId = slurmJobId,
            SlurmStepId = "0",
            Backend = backend,
            ProgramId = "sampler",
            TimeoutSecs = timeoutSecs,
            InputBytes = bytes.Length,
            Id = id,
            Input = new InlineInput(bytes),
        });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.StatusCode == HttpStatusCode.Accepted ? JsonSerializer.Deserialize(text, GatewayJsonContext.Default.CreateJobResponse) : null, text);
    }

    /// <summary>Creates a job, uploads <paramref name="input"/> to its presigned URL and submits it.</summary>
    public async Task<JobView> RunAsync(string slurmJobId, string backend, string input)
    {
        var bytes = Encoding.UTF8.GetBytes(input);
        var created = await CreateAsync(slurmJobId, backend, bytes.Length);
        using (var put = await Http.PutAsync(created.InputUploadUrl, new ByteArrayContent(bytes)))
            Assert.True(put.IsSuccessStatusCode, $"upload: {(int)put.StatusCode}");
        using var response = await SendAsync(HttpMethod.Post, GatewayPaths.Submit(created.Id));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize(text, GatewayJsonContext.Default.JobView)!;
    }

    public async Task<(HttpStatusCode Status, JobView? View, string Text)> GetAsync(string id)
    {
        using var response = await SendAsync(HttpMethod.Get, GatewayPaths.Job(id));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.StatusCode == HttpStatusCode.OK ? JsonSerializer.Deserialize(text, GatewayJsonContext.Default.JobView) : null, text);
    }

    public async Task<JobView> WaitFinalAsync(string id, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var (status, view, text) = await GetAsync(id);
            Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {text}");
            if (GatewayJobStatus.IsFinal(view!.Status))
                return view;
            Assert.True(DateTime.UtcNow < deadline, $"job {id} still {view.Status}");
            await Task.Delay(200);
        }
    }

    public static async Task<string> DownloadAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"download: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }
}
