using SpankQrun.Qrun.Tests.Infrastructure;
using SpankQrun.Variables;
using Xunit;

namespace SpankQrun.Qrun.Tests.EndToEnd;

/// <summary>Credentials, backends and circuits the service refuses; each path leaves nothing behind.</summary>
public sealed class ServiceRefusalTests(QrunServices services) : IClassFixture<QrunServices>, IDisposable
{
    private readonly ScratchDirectory scratch = new();

    public void Dispose() => scratch.Dispose();

    [Fact]
    public async Task WrongAppIdSecret_ExitsWithConfigurationErrorAndCleansUp()
    {
        var environment = services.Environment("fake_lagos", "sampler", AuthMode.AppId);
        environment[IbmQrunVariables.AppIdSecret] = "wrong-appid-secret";

        var result = await InProcessQrun.RunAsync(environment, SmallInput());

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("App ID token service", result.Error, StringComparison.Ordinal);
        Assert.Contains("refused the credentials (HTTP 401)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("could not remove", result.Error, StringComparison.Ordinal);
        SecretAssertions.ContainsNoSecret(result.Error, "wrong-appid-secret");
        Assert.Empty(await services.BucketKeysAsync());
    }

    [Fact]
    public async Task WrongIamApiKey_ExitsWithConfigurationErrorQuotingIam()
    {
        var environment = services.Environment("fake_lagos", "sampler", AuthMode.Iam);
        environment[IbmQrunVariables.IamApiKey] = "wrong-iam-key";

        var result = await InProcessQrun.RunAsync(environment, SmallInput());

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("IAM at", result.Error, StringComparison.Ordinal);
        Assert.Contains("refused the credentials (HTTP 400)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("could not remove", result.Error, StringComparison.Ordinal);
        SecretAssertions.ContainsNoSecret(result.Error, "wrong-iam-key");
        Assert.Empty(await services.BucketKeysAsync());
    }

    [Fact]
    public async Task UnknownBackend_ExitsWithConfigurationErrorNamingTheBackend()
    {
        var result = await InProcessQrun.RunAsync(services.Environment("fake_nowhere", "sampler"), SmallInput());

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("fake_nowhere", result.Error, StringComparison.Ordinal);
        // The service refused: there was no job to remove and no log to print.
        Assert.DoesNotContain("could not", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("service log", result.Error, StringComparison.Ordinal);
        Assert.Empty(await services.BucketKeysAsync());
    }

    [Fact]
    public async Task UploadRefused_IsOneLine_WithoutDeletesOfObjectsNeverCreated()
    {
        var environment = services.Environment("fake_lagos", "sampler");
        environment[SpankQrun.Variables.IbmQrunVariables.S3Bucket] = "no-such-bucket";

        var result = await InProcessQrun.RunAsync(environment, SmallInput());

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("S3 upload of input_", line, StringComparison.Ordinal);
        Assert.Contains("no-such-bucket", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadCircuit_RefusedOfflineNamingPubLineAndColumn_NothingUploaded()
    {
        var input = scratch.Write("bad.json", """{"pubs":[["OPENQASM 3.0; include \"stdgates.inc\"; bit[1] c; frobnicate $0; c[0] = measure $0;"]],"version":2}""");

        var result = await InProcessQrun.RunAsync(services.Environment("fake_lagos", "sampler"), input);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Single(result.Error.Split('\n'), line => line.Contains("frobnicate", StringComparison.Ordinal));
        Assert.Contains("pub 0: line 1, column 49: unknown gate 'frobnicate'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("submitted job", result.Error, StringComparison.Ordinal);
        Assert.Empty(await services.BucketKeysAsync());
    }

    [Fact]
    public async Task CircuitTheBackendCannotRun_JobFailedWithReasonPrintedOnceAndExitCode3()
    {
        // Valid OpenQASM, but fake_lagos has qubits $0 to $6: only the service can tell.
        var input = scratch.Write("big.json", """{"pubs":[["OPENQASM 3.0; include \"stdgates.inc\"; bit[1] c; x $50; c[0] = measure $50;"]],"version":2}""");

        var result = await InProcessQrun.RunAsync(services.Environment("fake_lagos", "sampler"), input);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Matches(@"job [0-9a-f-]{36} failed: reason code \d+: .*\$50", result.Error);
        // Reported once: qrun's line carries it, the service log's copy of it is left out.
        Assert.Single(result.Error.Split('\n'), line => line.Contains("does not exist", StringComparison.Ordinal));
        Assert.Empty(result.Output);
        Assert.Null(await EmulatorJobs.FindAsync(services.Emulator, EmulatorJobs.SubmittedId(result.Error)));
        Assert.Empty(await services.BucketKeysAsync());
    }

    [Fact]
    public async Task ResultsInMissingDirectory_ExitsBeforeSubmittingAndSaysWhy()
    {
        var resultsPath = Path.Combine(scratch.Path, "no-such-dir", "results.json");

        var result = await InProcessQrun.RunAsync(services.Environment("fake_lagos", "sampler"), "--results", resultsPath, SmallInput());

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"cannot write results file {resultsPath}", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("submitted job", result.Error, StringComparison.Ordinal);
        Assert.Empty(await services.BucketKeysAsync());
    }

    [Fact]
    public async Task ResultsDirectoryRemovedDuringRun_KeepsTheResultsInTheBucketAndSaysWhere()
    {
        var directory = Directory.CreateDirectory(Path.Combine(scratch.Path, "vanishing")).FullName;
        var resultsPath = Path.Combine(directory, "results.json");
        var host = InProcessQrun.Host(services.Environment("fake_lagos", "sampler")) with
        {
            // Slurm's answer is awaited after the early writability check, while the input is uploaded, and before
            // the submit: the directory goes once the input is in the bucket, so the write at the end must fail.
            TimeLeft = (_, _, token) => Task.Run<TimeSpan?>(
                async () =>
                {
                    var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
                    while (!(await services.BucketKeysAsync()).Any(key => key.StartsWith("input_", StringComparison.Ordinal)))
                    {
                        Assert.True(DateTime.UtcNow < deadline, "the input was never uploaded");
                        await Task.Delay(10, token);
                    }

                    Directory.Delete(directory);
                    return null;
                },
                token),
        };

        var result = await InProcessQrun.RunAsync(host, CancellationToken.None, "--results", resultsPath, SmallInput());

        Assert.True(result.ExitCode == 2, result.ToString());
        var id = EmulatorJobs.SubmittedId(result.Error);
        Assert.Contains($"cannot write results file {resultsPath}", result.Error, StringComparison.Ordinal);
        Assert.Contains($"they stay in bucket {QrunServices.Bucket} as results_{id}.json", result.Error, StringComparison.Ordinal);
        Assert.Contains($"service log of job {id}:", result.Error, StringComparison.Ordinal);
        Assert.Null(await EmulatorJobs.FindAsync(services.Emulator, id));
        // The results and the log stay; the input is removed. Clean up for the other tests of this class.
        Assert.Equal([$"logs_{id}.json", $"results_{id}.json"], (await services.BucketKeysAsync()).Order());
        foreach (var key in await services.BucketKeysAsync())
        {
            await services.S3.DeleteObjectAsync(QrunServices.Bucket, key);
        }
    }

    [Fact]
    public async Task ResultsPathIsADirectory_ExitsWithConfigurationError()
    {
        var result = await InProcessQrun.RunAsync(services.Environment("fake_lagos", "sampler"), "--results", scratch.Path, SmallInput());

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("is a directory", result.Error, StringComparison.Ordinal);
    }

    private string SmallInput() => File.Exists(scratch.FilePath("bell.json"))
        ? scratch.FilePath("bell.json")
        : scratch.Write("bell.json", DemoInputs.SmallSampler);
}
