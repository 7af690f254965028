using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace SpankQrun.Emulator.Tests.InMemory;

/// <summary>Token lifetimes measured on the injected clock.</summary>
public sealed class TokenClockTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task IamToken_Expiration_IsClockPlusLifetime()
    {
        await using var application = new EmulatorApplication(new ManualClock(Start));
        using var http = application.CreateClient();

        var token = await GrantAsync(http);

        Assert.Equal(Start.AddSeconds(3600).ToUnixTimeSeconds(), token.GetProperty("expiration").GetInt64());
    }

    [Fact]
    public async Task Token_OneSecondBeforeExpiry_IsAccepted()
    {
        var clock = new ManualClock(Start);
        await using var application = new EmulatorApplication(clock);
        using var http = application.CreateClient();
        var token = (await GrantAsync(http)).GetProperty("access_token").GetString()!;

        clock.Advance(TimeSpan.FromSeconds(3599));

        using var response = await GetBackendsAsync(http, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_AtExpiry_IsRejectedWith401()
    {
        var clock = new ManualClock(Start);
        await using var application = new EmulatorApplication(clock);
        using var http = application.CreateClient();
        var token = (await GrantAsync(http)).GetProperty("access_token").GetString()!;

        clock.Advance(TimeSpan.FromSeconds(3600));

        using var response = await GetBackendsAsync(http, token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<JsonElement> GrantAsync(HttpClient http)
    {
        using var response = await http.PostAsync("/identity/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ibm:params:oauth:grant-type:apikey",
            ["apikey"] = "demo-apikey",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> GetBackendsAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/backends");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Service-CRN", "crn:v1:local:quantum-computing:emulator::");
        return await http.SendAsync(request);
    }
}
