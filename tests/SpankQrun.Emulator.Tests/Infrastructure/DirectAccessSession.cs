using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpankQrun.Emulator.Tests.Infrastructure;

/// <summary>A Direct Access client for the tests: one IAM (or App ID) token, raw responses for assertions.</summary>
public sealed class DirectAccessSession : IDisposable
{
    public const string ServiceCrn = "crn:v1:local:quantum-computing:emulator::";
    public const string ApiKey = "demo-apikey";
    private const string ApiKeyGrantType = "urn:ibm:params:oauth:grant-type:apikey";

    private readonly HttpClient _http;

    private DirectAccessSession(HttpClient http, string token)
    {
        _http = http;
        Token = token;
    }

    public string Token { get; }

    public static HttpClient CreateHttpClient(Uri endpoint) => new() { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<HttpResponseMessage> RequestIamTokenAsync(HttpClient http, string apiKey) =>
        await http.PostAsync("identity/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = ApiKeyGrantType,
            ["apikey"] = apiKey,
        }));

    public static async Task<HttpResponseMessage> RequestAppIdTokenAsync(HttpClient http, string clientId, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/token");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        return await http.SendAsync(request);
    }

    public static async Task<DirectAccessSession> OpenAsync(Uri endpoint)
    {
        var http = CreateHttpClient(endpoint);
        using var response = await RequestIamTokenAsync(http, ApiKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return new DirectAccessSession(http, (string)body["access_token"]!);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<HttpResponseMessage> PostAsync(string path, string? json = null) => SendAsync(HttpMethod.Post, path, json);

    public Task<HttpResponseMessage> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public Task<HttpResponseMessage> SubmitAsync(JsonObject job) => PostAsync("v1/jobs", job.ToJsonString());

    public async Task<JsonArray> ListJobsAsync()
    {
        using var response = await GetAsync("v1/jobs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["jobs"]!.AsArray();
    }

    public async Task<JsonObject?> FindJobAsync(string id) =>
        (await ListJobsAsync()).Select(job => job!.AsObject()).FirstOrDefault(job => (string)job["id"]! == id);

    /// <summary>Polls GET /v1/jobs until the job is no longer Running.</summary>
    public async Task<JsonObject> WaitForFinalAsync(string id, TimeSpan timeout, Func<string>? serverOutput = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var job = await FindJobAsync(id) ?? throw new InvalidOperationException($"job {id} is not listed");
            if ((string)job["status"]! != "Running")
                return job;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"job {id} still Running after {timeout.TotalSeconds} s. Server output:\n{serverOutput?.Invoke()}");
            await Task.Delay(100);
        }
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, bool withServiceCrn = true)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (withServiceCrn)
            request.Headers.Add("Service-CRN", ServiceCrn);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
