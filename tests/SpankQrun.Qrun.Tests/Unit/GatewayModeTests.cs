using System.Net;
using System.Net.Sockets;
using SpankQrun.Qrun.Tests.Infrastructure;
using SpankQrun.Variables;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

/// <summary>qrun in gateway mode: what it needs from the environment, and a gateway that does not answer.</summary>
public sealed class GatewayModeTests : IDisposable
{
    private readonly ScratchDirectory scratch = new();

    public void Dispose() => scratch.Dispose();

    private static Dictionary<string, string> Environment(string gateway) => new()
    {
        [IbmQrunVariables.Gateway] = gateway,
        [IbmQrunVariables.Backend] = "fake_lagos",
        [IbmQrunVariables.Primitive] = "sampler",
        ["SLURM_JOB_ID"] = "4242",
        ["SLURM_STEP_ID"] = "0",
    };

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task<QrunResult> RunAsync(Dictionary<string, string> environment, params string[] args)
    {
        var host = InProcessQrun.Host(environment) with { GatewayCredential = payload => "fake-credential" };
        return InProcessQrun.RunAsync(host, CancellationToken.None, args);
    }

    [Fact]
    public async Task GatewayUnreachable_ExitsWith5NamingTheGateway()
    {
        var gateway = $"http://127.0.0.1:{ClosedPort()}";
        var input = scratch.Write("in.json", DemoInputs.SmallSampler);

        var result = await RunAsync(Environment(gateway), input);

        Assert.Equal(ExitCodes.ServiceUnavailable, result.ExitCode);
        Assert.Contains($"the qrun gateway at {gateway}/ is unreachable", result.Error);
        Assert.Contains("Connection refused", result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task GatewayModeWithoutSlurmJob_IsAUsageErrorBeforeAnyRequest()
    {
        var environment = Environment($"http://127.0.0.1:{ClosedPort()}");
        environment.Remove("SLURM_JOB_ID");
        var input = scratch.Write("in.json", DemoInputs.SmallSampler);

        var result = await RunAsync(environment, input);

        Assert.Equal(ExitCodes.UsageOrConfiguration, result.ExitCode);
        Assert.Contains("SLURM_JOB_ID is not set", result.Error);
        Assert.DoesNotContain("unreachable", result.Error);
    }

    [Theory]
    [InlineData("gw.example:8291")]
    [InlineData("ftp://gw.example")]
    [InlineData("http://user:pw-Secret7@gw.example")]
    public async Task GatewayThatIsNotAUrl_IsAUsageErrorNamingTheVariable(string gateway)
    {
        var input = scratch.Write("in.json", DemoInputs.SmallSampler);

        var result = await RunAsync(Environment(gateway), input);

        Assert.Equal(ExitCodes.UsageOrConfiguration, result.ExitCode);
        Assert.Contains($"{IbmQrunVariables.Gateway} must be an absolute http:// or https:// URL", result.Error);
        Assert.DoesNotContain("pw-Secret7", result.Error);
    }

    [Fact]
    public async Task GatewayMode_NeedsNoCredentialVariable()
    {
        var environment = Environment($"http://127.0.0.1:{ClosedPort()}");
        var input = scratch.Write("in.json", DemoInputs.SmallSampler);

        var result = await RunAsync(environment, input);

        Assert.DoesNotContain(IbmQrunVariables.DaapiEndpoint, result.Error);
        Assert.DoesNotContain(IbmQrunVariables.AwsAccessKeyId, result.Error);
    }
}
