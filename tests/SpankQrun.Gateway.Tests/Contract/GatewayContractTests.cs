using System.Text;
using System.Text.Json;
using SpankQrun.Gateway.Contract;

namespace SpankQrun.Gateway.Tests.Contract;

public sealed class GatewayContractTests
{
    [Fact]
    public void The_payload_names_protocol_method_and_path()
    {
        Assert.Equal("qrun-gateway/1 POST /gateway/v1/jobs", GatewayAuthentication.Payload("post", GatewayPaths.Jobs));
        Assert.Equal("/gateway/v1/jobs/a%2Fb/cancel", GatewayPaths.Cancel("a/b"));
    }

    [Fact]
    public void A_job_view_is_snake_case_and_omits_absent_optional_fields()
    {
        var view = new JobView { Id = "x", Backend = "b", ProgramId = "sampler", Status = GatewayJobStatus.Running, SlurmJobId = "7" };

        var json = JsonSerializer.Serialize(view, GatewayJsonContext.Default.JobView);

        Assert.Contains("\"program_id\":\"sampler\"", json, StringComparison.Ordinal);
        Assert.Contains("\"slurm_job_id\":\"7\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("results_url", json, StringComparison.Ordinal);
        Assert.DoesNotContain("usage", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_create_request_reads_the_documented_body()
    {
        const string body = """{"slurm_job_id":"123","slurm_step_id":"0","backend":"fake_brisbane","program_id":"sampler","timeout_secs":600,"log_level":"info","input_bytes":1234}""";

        var request = JsonSerializer.Deserialize(body, GatewayJsonContext.Default.CreateJobRequest)!;

        Assert.Equal("123", request.SlurmJobId);
        Assert.Equal("0", request.SlurmStepId);
        Assert.Equal(600, request.TimeoutSecs);
        Assert.Equal(1234, request.InputBytes);
    }

    [Fact]
    public void An_inline_input_travels_byte_for_byte_whitespace_escapes_and_all()
    {
        var input = Encoding.UTF8.GetBytes("{ \"pubs\" : [[\"OPENQASM 3.0; // é \\u00e9\", [], 64]],\n\t\"version\": 2 }");
        var request = new CreateJobRequest { SlurmJobId = "1", Backend = "b", ProgramId = "sampler", InputBytes = input.Length, Id = "i", Input = new InlineInput(input) };

        var json = JsonSerializer.SerializeToUtf8Bytes(request, GatewayJsonContext.Default.CreateJobRequest);
        var read = JsonSerializer.Deserialize(json, GatewayJsonContext.Default.CreateJobRequest)!;

        Assert.Equal(input, read.Input!.Utf8.ToArray());
        Assert.Equal("i", read.Id);
    }

    [Fact]
    public void An_inline_input_that_is_not_JSON_is_never_sent()
    {
        var request = new CreateJobRequest { SlurmJobId = "1", Backend = "b", ProgramId = "sampler", InputBytes = 5, Id = "i", Input = new InlineInput("{\"a\":"u8.ToArray()) };

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.SerializeToUtf8Bytes(request, GatewayJsonContext.Default.CreateJobRequest));
    }
}
