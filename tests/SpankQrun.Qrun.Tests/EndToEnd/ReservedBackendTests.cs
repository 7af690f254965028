using SpankQrun.Qrun.Tests.Infrastructure;
using Xunit;

namespace SpankQrun.Qrun.Tests.EndToEnd;

/// <summary>A backend the service reports reserved (423, code 1233): qrun says so, runs nothing and leaves nothing behind.</summary>
public sealed class ReservedBackendTests(ReservedEmulatorServices services) : IClassFixture<ReservedEmulatorServices>
{
    [Fact]
    public async Task ReservedBackend_ExitsWithConfigurationErrorNamingTheBackendAndCleansUp()
    {
        using var scratch = new ScratchDirectory();
        var input = scratch.Write("bell.json", DemoInputs.SmallSampler);

        var result = await InProcessQrun.RunAsync(services.Environment(ReservedEmulatorServices.ReservedBackend, "sampler"), input);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"backend {ReservedEmulatorServices.ReservedBackend} is reserved", result.Error, StringComparison.Ordinal);
        Assert.Contains("HTTP 423: code 1233", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("submitted job", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("retry", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Empty(await EmulatorJobs.ListAsync(services.Emulator));
        Assert.Empty(await services.BucketKeysAsync());
    }
}
