using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

/// <summary>
/// A direct-mode run over plain http signs its S3 URLs without OpenSSL (SigV4's hashes are managed code:
/// src/SpankQrun.DirectAccess/Storage/SigningHashes.cs), so the built qrun never loads libssl or libcrypto there: some
/// 9 ms of CPU at every start. The dynamic loader's own trace (LD_DEBUG=libs) says what it loaded. Needs no cluster.
/// </summary>
public sealed class QrunOpenSslTests(QrunServices services) : IClassFixture<QrunServices>, IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("qrun-openssl-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task DirectRun_OverHttp_LoadsNoOpenSsl()
    {
        var input = Path.Combine(_scratch, "in.json");
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "data", "upstream-demo", "sampler_input.json"), input);
        var environment = services.DirectModeEnvironment();
        environment["LD_DEBUG"] = "libs";

        var result = await Shell.RunAsync(Path.Combine(RepositoryPaths.Root, "build", "qrun"), [input, "--results", Path.Combine(_scratch, "out.json")],
            TimeSpan.FromMinutes(1), environment);

        Assert.True(result.ExitCode == 0, result.ToString());
        // The trace does list what the executable links (libc, libm, ...): it is on, and the run was traced.
        Assert.Contains("libc.so", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("libssl", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("libcrypto", result.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_scratch, "out.json")), result.ToString());
    }
}
