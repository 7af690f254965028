using System.Net;
using System.Text.Json;
using SpankQrun.Emulator.Tests.Infrastructure;

namespace SpankQrun.Emulator.Tests;

/// <summary>The emulator started with its shipped emulator.json, over real HTTP.</summary>
public sealed class DefaultConfigurationTests(DefaultEmulatorFixture fixture) : IClassFixture<DefaultEmulatorFixture>
{
    [Fact]
    public async Task Version_WithoutToken_ReturnsApiVersion()
    {
        using var http = DirectAccessSession.CreateHttpClient(fixture.Server.Endpoint);
        using var response = await http.GetAsync("version");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectAccessSession.ReadJsonAsync(response);
        Assert.Equal("0.7.0", body.GetProperty("version").GetString());
    }

    [Fact]
    public async Task IamToken_WithDefaultApiKey_ReturnsBearerTokenWithExpiry()
    {
        using var http = DirectAccessSession.CreateHttpClient(fixture.Server.Endpoint);
        using var response = await DirectAccessSession.RequestIamTokenAsync(http, "demo-apikey");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectAccessSession.ReadJsonAsync(response);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        var expiration = DateTimeOffset.FromUnixTimeSeconds(body.GetProperty("expiration").GetInt64());
        Assert.InRange(expiration, DateTimeOffset.UtcNow.AddMinutes(59), DateTimeOffset.UtcNow.AddMinutes(61));
    }

    [Fact]
    public async Task AppIdToken_WithDefaultClient_ReturnsBearerTokenWithoutExpiration()
    {
        using var http = DirectAccessSession.CreateHttpClient(fixture.Server.Endpoint);
        using var response = await DirectAccessSession.RequestAppIdTokenAsync(http, "demo", "demopass");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectAccessSession.ReadJsonAsync(response);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
        Assert.False(body.TryGetProperty("expiration", out _));
    }

    [Fact]
    public async Task Backends_WithDefaultConfiguration_ListsTheFourFakeBackendsOnline()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Server.Endpoint);
        using var response = await session.GetAsync("v1/backends");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var backends = (await DirectAccessSession.ReadJsonAsync(response)).GetProperty("backends").EnumerateArray().ToArray();
        Assert.Equal(["fake_brisbane", "fake_cairo", "fake_lagos", "fake_torino"], backends.Select(b => b.GetProperty("name").GetString()));
        Assert.All(backends, backend => Assert.Equal("online", backend.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData("fake_brisbane", 127)]
    [InlineData("fake_cairo", 27)]
    [InlineData("fake_lagos", 7)]
    [InlineData("fake_torino", 133)]
    public async Task BackendConfiguration_OfDefaultBackend_ReportsItsQubitCount(string name, int qubits)
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Server.Endpoint);
        using var response = await session.GetAsync($"v1/backends/{name}/configuration");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectAccessSession.ReadJsonAsync(response);
        Assert.Equal(name, body.GetProperty("backend_name").GetString());
        Assert.Equal(qubits, body.GetProperty("n_qubits").GetInt32());
        Assert.Contains("rz", body.GetProperty("basis_gates").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task BackendProperties_OfFakeCairo_DescribesEveryQubit()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Server.Endpoint);
        using var response = await session.GetAsync("v1/backends/fake_cairo/properties");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectAccessSession.ReadJsonAsync(response);
        Assert.Equal("fake_cairo", body.GetProperty("backend_name").GetString());
        Assert.Equal(27, body.GetProperty("qubits").GetArrayLength());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("gates").ValueKind);
    }

    [Fact]
    public async Task Backend_ByName_ReturnsNameAndStatus()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Server.Endpoint);
        using var response = await session.GetAsync("v1/backends/fake_torino");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectAccessSession.ReadJsonAsync(response);
        Assert.Equal("fake_torino", body.GetProperty("name").GetString());
        Assert.Equal("online", body.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("v1/backends/ibm_nowhere")]
    [InlineData("v1/backends/ibm_nowhere/configuration")]
    [InlineData("v1/backends/ibm_nowhere/properties")]
    public async Task Backend_Unknown_Returns404Code1216(string path)
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Server.Endpoint);
        using var response = await session.GetAsync(path);

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "1216");
        Assert.Contains("ibm_nowhere", error.GetProperty("message").GetString());
    }
}
