using System.Net;
using System.Text.Json;

namespace SpankQrun.Emulator.Tests.Infrastructure;

/// <summary>Assertions on Direct Access responses.</summary>
public static class ApiAssert
{
    /// <summary>Asserts the status and that the body is the API's error document carrying <paramref name="code"/>.</summary>
    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        Assert.Equal((int)status, root.GetProperty("status_code").GetInt32());
        var error = root.GetProperty("errors")[0];
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        return error.Clone();
    }

    public static async Task NoContentAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"expected 204, got {(int)response.StatusCode}: {text}");
        Assert.Equal("", text);
    }
}
