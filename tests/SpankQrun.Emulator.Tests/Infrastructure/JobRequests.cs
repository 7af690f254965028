using System.Text.Json.Nodes;

namespace SpankQrun.Emulator.Tests.Infrastructure;

/// <summary>Builds POST /v1/jobs bodies and the matching S3 objects, named as a Direct Access client names them.</summary>
public static class JobRequests
{
    public static string NewId() => Guid.NewGuid().ToString();

    public static string InputKey(string id) => $"input_{id}.json";

    public static string ResultsKey(string id) => $"results_{id}.json";

    public static string LogsKey(string id) => $"logs_{id}.json";

    /// <summary>A job whose URLs point at objects that need not exist (for API-level tests).</summary>
    public static JsonObject Unbacked(string id, string backend = "fake_lagos", string programId = "sampler", int timeoutSecs = 600) =>
        Body(id, backend, programId, timeoutSecs,
            $"http://127.0.0.1:9/bucket/{InputKey(id)}?X-Amz-Signature=0",
            $"http://127.0.0.1:9/bucket/{ResultsKey(id)}?X-Amz-Signature=0",
            $"http://127.0.0.1:9/bucket/{LogsKey(id)}?X-Amz-Signature=0");

    /// <summary>A job reading and writing through presigned URLs of <paramref name="storage"/>.</summary>
    public static JsonObject Stored(TestStorage storage, string id, string backend, string programId, int timeoutSecs = 600) =>
        Body(id, backend, programId, timeoutSecs,
            storage.PresignGet(InputKey(id)), storage.PresignPut(ResultsKey(id)), storage.PresignPut(LogsKey(id)));

    private static JsonObject Body(string id, string backend, string programId, int timeoutSecs, string input, string results, string logs) => new()
    {
        ["id"] = id,
        ["backend"] = backend,
        ["program_id"] = programId,
        ["log_level"] = "info",
        ["timeout_secs"] = timeoutSecs,
        ["storage"] = new JsonObject
        {
            ["input"] = Location(input),
            ["results"] = Location(results),
            ["logs"] = Location(logs),
        },
    };

    private static JsonObject Location(string url) => new() { ["type"] = "s3_compatible", ["presigned_url"] = url };
}
