using System.Net;
using SpankQrun.Emulator.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Emulator.Tests;

/// <summary>Tokens stop working once token_lifetime_secs has passed.</summary>
public sealed class TokenExpiryTests
{
    [Fact]
    public async Task Token_AfterItsLifetime_Returns401()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorServerOptions(TestConfigs.Create(tokenLifetimeSecs: 3)));
        using var session = await DirectAccessSession.OpenAsync(emulator.Endpoint);
        using (var fresh = await session.GetAsync("v1/backends"))
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(3.5));

        using var expired = await session.GetAsync("v1/backends");
        var error = await ApiAssert.ErrorAsync(expired, HttpStatusCode.Unauthorized, "1201");
        Assert.Contains("expired", error.GetProperty("message").GetString());
    }
}
