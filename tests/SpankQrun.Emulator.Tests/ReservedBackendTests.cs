using System.Net;
using SpankQrun.Emulator.Tests.Infrastructure;

namespace SpankQrun.Emulator.Tests;

/// <summary>A backend configured with "reserved": true refuses jobs with 423 code 1233 and reports itself online and locked.</summary>
public sealed class ReservedBackendTests(ReservedBackendFixture fixture) : IClassFixture<ReservedBackendFixture>
{
    [Fact]
    public async Task Submit_ToReservedBackend_Returns423Code1233NamingTheBackend()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Server.Endpoint);
        var id = JobRequests.NewId();

        using var response = await session.SubmitAsync(JobRequests.Unbacked(id, ReservedBackendFixture.ReservedBackend));

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.Locked, "1233");
        Assert.Contains($"backend '{ReservedBackendFixture.ReservedBackend}' is reserved", error.GetProperty("message").GetString());
        Assert.Equal("backend", error.GetProperty("location").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("solution").GetString()));
        Assert.Null(await session.FindJobAsync(id));
    }

    [Fact]
    public async Task Submit_ToUnreservedBackendInTheSameConfig_Returns204()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Server.Endpoint);
        var id = JobRequests.NewId();

        await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Unbacked(id, ReservedBackendFixture.OpenBackend)));

        Assert.Equal("Running", (string)(await session.FindJobAsync(id))!["status"]!);
        await ApiAssert.NoContentAsync(await session.PostAsync($"v1/jobs/{id}/cancel"));
        await ApiAssert.NoContentAsync(await session.DeleteAsync($"v1/jobs/{id}"));
    }

    [Fact]
    public async Task Backend_Reserved_ReportsOnlineLockedWithAReservationMessage()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Server.Endpoint);

        using var response = await session.GetAsync($"v1/backends/{ReservedBackendFixture.ReservedBackend}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectAccessSession.ReadJsonAsync(response);
        Assert.Equal("online", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("locked").GetBoolean());
        Assert.StartsWith("reserved", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Backends_List_ShowsOnlyTheReservedBackendLocked()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Server.Endpoint);

        using var response = await session.GetAsync("v1/backends");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var backends = (await DirectAccessSession.ReadJsonAsync(response)).GetProperty("backends").EnumerateArray()
            .Select(backend => (backend.GetProperty("name").GetString(), backend.GetProperty("status").GetString(),
                backend.GetProperty("locked").GetBoolean(), backend.TryGetProperty("message", out _)));
        Assert.Equal(
            [(ReservedBackendFixture.ReservedBackend, "online", true, true), (ReservedBackendFixture.OpenBackend, "online", false, false)],
            backends);
    }
}
