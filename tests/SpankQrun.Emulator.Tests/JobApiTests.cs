using System.Net;
using System.Text.Json.Nodes;
using SpankQrun.Emulator.Tests.Infrastructure;

namespace SpankQrun.Emulator.Tests;

/// <summary>POST/GET /v1/jobs, cancel and delete: status codes and error bodies.</summary>
public sealed class JobApiTests(StorageEmulatorFixture fixture) : IClassFixture<StorageEmulatorFixture>
{
    [Fact]
    public async Task Submit_ValidJob_Returns204AndListsItRunning()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        var id = JobRequests.NewId();

        await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Unbacked(id, TestConfigs.QueuedBackend)));

        var job = await session.FindJobAsync(id);
        Assert.NotNull(job);
        Assert.Equal("Running", (string)job["status"]!);
        Assert.Equal(TestConfigs.QueuedBackend, (string)job["backend"]!);
        Assert.Equal("sampler", (string)job["program_id"]!);
        Assert.Equal(600, (int)job["timeout_secs"]!);
        Assert.NotNull(job["created_time"]);
        Assert.Null(job["end_time"]);
        await CancelAndDeleteAsync(session, id);
    }

    [Fact]
    public async Task Submit_DuplicateId_Returns409Code1231()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        var id = JobRequests.NewId();
        await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Unbacked(id, TestConfigs.QueuedBackend)));

        using var response = await session.SubmitAsync(JobRequests.Unbacked(id, TestConfigs.QueuedBackend));

        await ApiAssert.ErrorAsync(response, HttpStatusCode.Conflict, "1231");
        await CancelAndDeleteAsync(session, id);
    }

    [Fact]
    public async Task Submit_UnknownBackend_Returns404Code1216()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);

        using var response = await session.SubmitAsync(JobRequests.Unbacked(JobRequests.NewId(), "ibm_nowhere"));

        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "1216");
    }

    [Theory]
    [InlineData("program_id", "\"qaoa\"", "program_id")]
    [InlineData("program_id", "\"Sampler\"", "program_id")]
    [InlineData("log_level", "\"verbose\"", "log_level")]
    [InlineData("timeout_secs", "0", "timeout_secs")]
    [InlineData("timeout_secs", "-5", "timeout_secs")]
    [InlineData("timeout_secs", "\"ten\"", "timeout_secs")]
    [InlineData("id", "\"\"", "id")]
    [InlineData("id", "\"has space\"", "id")]
    [InlineData("storage", "null", "storage")]
    [InlineData("storage", "{\"results\":{\"type\":\"s3_compatible\",\"presigned_url\":\"http://127.0.0.1:9/b/r\"}}", "storage.input")]
    [InlineData("storage", "{\"input\":{\"type\":\"s3_compatible\",\"presigned_url\":\"not a url\"},\"results\":{\"type\":\"s3_compatible\",\"presigned_url\":\"http://127.0.0.1:9/b/r\"}}", "storage.input.presigned_url")]
    [InlineData("storage", "{\"input\":{\"type\":\"ftp\",\"presigned_url\":\"http://127.0.0.1:9/b/i\"},\"results\":{\"type\":\"s3_compatible\",\"presigned_url\":\"http://127.0.0.1:9/b/r\"}}", "storage.input.type")]
    public async Task Submit_InvalidField_Returns400NamingTheField(string field, string json, string location)
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        var body = JobRequests.Unbacked(JobRequests.NewId());
        body[field] = JsonNode.Parse(json);

        using var response = await session.SubmitAsync(body);

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "1200");
        Assert.Contains(location, error.GetProperty("location").GetString());
    }

    [Fact]
    public async Task Submit_MalformedJson_Returns400WithErrorBody()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);

        using var response = await session.PostAsync("v1/jobs", "{\"id\": ");

        await ApiAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "1200");
    }

    [Fact]
    public async Task Submit_InvalidPresignedUrl_DoesNotEchoTheUrl()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        var body = JobRequests.Unbacked(JobRequests.NewId());
        body["storage"]!["results"]!["presigned_url"] = "relative/results?X-Amz-Signature=topsecret";

        using var response = await session.SubmitAsync(body);

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "1200");
        Assert.DoesNotContain("topsecret", error.GetRawText());
    }

    [Fact]
    public async Task List_SeveralJobs_OldestFirst()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        string[] ids = [JobRequests.NewId(), JobRequests.NewId(), JobRequests.NewId()];
        foreach (var id in ids)
            await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Unbacked(id, TestConfigs.QueuedBackend)));

        var listed = (await session.ListJobsAsync()).Select(job => (string)job!["id"]!).Where(ids.Contains).ToArray();

        Assert.Equal(ids, listed);
        foreach (var id in ids)
            await CancelAndDeleteAsync(session, id);
    }

    [Fact]
    public async Task Cancel_RunningJob_Returns204AndJobIsCancelledWithEndTime()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        var id = JobRequests.NewId();
        await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Unbacked(id, TestConfigs.QueuedBackend)));

        await ApiAssert.NoContentAsync(await session.PostAsync($"v1/jobs/{id}/cancel"));

        var job = await session.FindJobAsync(id);
        Assert.Equal("Cancelled", (string)job!["status"]!);
        Assert.NotNull(job["end_time"]);
        await ApiAssert.NoContentAsync(await session.DeleteAsync($"v1/jobs/{id}"));
    }

    [Fact]
    public async Task Cancel_UnknownJob_Returns404Code1291()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);

        using var response = await session.PostAsync($"v1/jobs/{JobRequests.NewId()}/cancel");

        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "1291");
    }

    [Fact]
    public async Task Cancel_FinalJob_Returns409Code1306()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        var id = JobRequests.NewId();
        await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Unbacked(id, TestConfigs.QueuedBackend)));
        await ApiAssert.NoContentAsync(await session.PostAsync($"v1/jobs/{id}/cancel"));

        using var response = await session.PostAsync($"v1/jobs/{id}/cancel");

        await ApiAssert.ErrorAsync(response, HttpStatusCode.Conflict, "1306");
        await ApiAssert.NoContentAsync(await session.DeleteAsync($"v1/jobs/{id}"));
    }

    [Fact]
    public async Task Delete_RunningJob_Returns409Code1337()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        var id = JobRequests.NewId();
        await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Unbacked(id, TestConfigs.QueuedBackend)));

        using var response = await session.DeleteAsync($"v1/jobs/{id}");

        await ApiAssert.ErrorAsync(response, HttpStatusCode.Conflict, "1337");
        await CancelAndDeleteAsync(session, id);
    }

    [Fact]
    public async Task Delete_FinalJob_Returns204AndRemovesItFromTheList()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);
        var id = JobRequests.NewId();
        await ApiAssert.NoContentAsync(await session.SubmitAsync(JobRequests.Unbacked(id, TestConfigs.QueuedBackend)));
        await ApiAssert.NoContentAsync(await session.PostAsync($"v1/jobs/{id}/cancel"));

        await ApiAssert.NoContentAsync(await session.DeleteAsync($"v1/jobs/{id}"));

        Assert.Null(await session.FindJobAsync(id));
    }

    [Fact]
    public async Task Delete_UnknownJob_Returns404Code1291()
    {
        using var session = await DirectAccessSession.OpenAsync(fixture.Emulator.Endpoint);

        using var response = await session.DeleteAsync($"v1/jobs/{JobRequests.NewId()}");

        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "1291");
    }

    private static async Task CancelAndDeleteAsync(DirectAccessSession session, string id)
    {
        using (await session.PostAsync($"v1/jobs/{id}/cancel"))
        {
        }

        await ApiAssert.NoContentAsync(await session.DeleteAsync($"v1/jobs/{id}"));
    }
}
