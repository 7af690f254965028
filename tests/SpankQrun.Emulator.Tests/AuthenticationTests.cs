using System.Net;
using System.Net.Http.Headers;
using SpankQrun.Emulator.Tests.Infrastructure;

namespace SpankQrun.Emulator.Tests;

/// <summary>Token grants and bearer checks of the emulator started with its shipped emulator.json.</summary>
public sealed class AuthenticationTests(DefaultEmulatorFixture fixture) : IClassFixture<DefaultEmulatorFixture>
{
    [Fact]
    public async Task IamToken_WithUnknownApiKey_Returns400BXNIM0415E()
    {
        using var http = DirectAccessSession.CreateHttpClient(fixture.Server.Endpoint);
        using var response = await DirectAccessSession.RequestIamTokenAsync(http, "not-a-key");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await DirectAccessSession.ReadJsonAsync(response);
        Assert.Equal("BXNIM0415E", body.GetProperty("errorCode").GetString());
        Assert.Equal("Provided API key could not be found.", body.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task IamToken_WithWrongGrantType_Returns400NamingTheExpectedGrant()
    {
        using var http = DirectAccessSession.CreateHttpClient(fixture.Server.Endpoint);
        using var response = await http.PostAsync("identity/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["apikey"] = "demo-apikey",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await DirectAccessSession.ReadJsonAsync(response);
        Assert.Contains("urn:ibm:params:oauth:grant-type:apikey", body.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task AppIdToken_WithWrongSecret_Returns401()
    {
        using var http = DirectAccessSession.CreateHttpClient(fixture.Server.Endpoint);
        using var response = await DirectAccessSession.RequestAppIdTokenAsync(http, "demo", "wrong");

        await ApiAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "1201");
    }

    [Fact]
    public async Task AppIdToken_WithoutAuthorizationHeader_Returns401()
    {
        using var http = DirectAccessSession.CreateHttpClient(fixture.Server.Endpoint);
        using var response = await http.PostAsync("v1/token", content: null);

        await ApiAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "1201");
    }

    [Theory]
    [InlineData("v1/backends")]
    [InlineData("v1/jobs")]
    public async Task ProtectedEndpoint_WithoutToken_Returns401(string path)
    {
        using var http = DirectAccessSession.CreateHttpClient(fixture.Server.Endpoint);
        using var response = await http.GetAsync(path);

        await ApiAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "1201");
    }

    [Fact]
    public async Task ProtectedEndpoint_WithUnknownToken_Returns401()
    {
        using var http = DirectAccessSession.CreateHttpClient(fixture.Server.Endpoint);
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/backends");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "made-up-token");
        request.Headers.Add("Service-CRN", DirectAccessSession.ServiceCrn);
        using var response = await http.SendAsync(request);

        await ApiAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "1201");
    }

    [Fact]
    public async Task IamTokenRequest_WithoutServiceCrn_Returns401()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Server.Endpoint);
        using var response = await session.SendAsync(HttpMethod.Get, "v1/backends", withServiceCrn: false);

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "1201");
        Assert.Contains("Service-CRN", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task IamTokenRequest_WithOtherServiceCrn_Returns401()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Server.Endpoint);
        using var http = DirectAccessSession.CreateHttpClient(fixture.Server.Endpoint);
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/backends");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        request.Headers.Add("Service-CRN", "crn:v1:bluemix:public:quantum-computing:us-east:a/other::");
        using var response = await http.SendAsync(request);

        await ApiAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "1201");
    }

    [Fact]
    public async Task AppIdTokenRequest_WithoutServiceCrn_IsAccepted()
    {
        using var http = DirectAccessSession.CreateHttpClient(fixture.Server.Endpoint);
        using var grant = await DirectAccessSession.RequestAppIdTokenAsync(http, "demo", "demopass");
        var token = (await DirectAccessSession.ReadJsonAsync(grant)).GetProperty("access_token").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/backends");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
