using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SpankQrun.Gateway.Contract;
using SpankQrun.Qrun.Gateway;
using SpankQrun.Qrun.Tests.Infrastructure;
using Xunit;

namespace SpankQrun.Qrun.Tests.EndToEnd;

/// <summary>qrun in gateway mode against the real qrun-gateway, s3rver, the emulator and munged.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class GatewayRunTests(GatewayServices services) : IClassFixture<GatewayServices>, IDisposable
{
    private readonly ScratchDirectory scratch = new();

    public void Dispose() => scratch.Dispose();

    private static Task<QrunResult> RunAsync(Dictionary<string, string> environment, CancellationToken cancellationToken, params string[] args) =>
        InProcessQrun.RunAsync(InProcessQrun.Host(environment), cancellationToken, args);

    [Fact]
    public async Task Sampler_CompletesWithResultsAndTheSameLinesAsDirectMode_AndLeavesNothingBehind()
    {
        services.SetSlurmJobs(("101", "RUNNING", "fake_lagos"));
        var input = scratch.Write("in.json", DemoInputs.SmallSampler);
        var results = scratch.FilePath("out.json");

        var result = await RunAsync(services.TaskEnvironment("101", "fake_lagos"), CancellationToken.None, input, "--results", results);

        Assert.True(result.ExitCode == ExitCodes.Completed, result + services.GatewayOutput);
        using var document = JsonDocument.Parse(File.ReadAllText(results));
        Assert.Equal(64, document.RootElement.GetProperty("results")[0].GetProperty("data").GetProperty("meas").GetProperty("samples").GetArrayLength());
        Assert.Matches("qrun: submitted job [0-9a-f-]+ \\(sampler on fake_lagos, timeout", result.Error);
        Assert.Contains("is Completed (after", result.Error);
        Assert.Contains($"results written to {results}", result.Error);
        Assert.DoesNotContain("X-Amz-Signature", result.Error);
        await services.AssertNothingLeftAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Completed_AsksTheStoreForTheResultsBeforeTheLog()
    {
        // s3rver serves one request at a time: what reaches it first is answered first, and the results are saved
        // while the log comes down. The results' GET goes out first on the connection the upload left open: an input
        // too large to go inline (with none, both GETs open a connection and either may arrive first).
        services.SetSlurmJobs(("109", "RUNNING", "fake_lagos"));
        var input = scratch.Write("in.json", PaddedSampler(InlineInput.MaxBytes + 1));
        var environment = services.TaskEnvironment("109", "fake_lagos");

        var result = await RunAsync(environment, CancellationToken.None, input, "--results", scratch.FilePath("out.json"));

        Assert.True(result.ExitCode == ExitCodes.Completed, result + services.GatewayOutput);
        var id = EmulatorJobs.SubmittedId(result.Error);
        services.S3Proxy.AssertArrivedInOrder($"GET /{GatewayServices.Bucket}/results_{id}.json", $"GET /{GatewayServices.Bucket}/logs_{id}.json");
    }

    [Fact]
    public async Task Completed_DeletesTheJob_WhileTheResultsAreWritten()
    {
        // The DELETE goes out once the results and the log are in memory, not after the results are written: here
        // the write (to stdout) waits until the gateway has answered the DELETE, which only that order allows.
        services.SetSlurmJobs(("111", "RUNNING", "fake_lagos"));
        var input = scratch.Write("in.json", DemoInputs.SmallSampler);
        var before = services.GatewayOutput.Length;
        using var output = new GatedWriter(() => DeleteAnswered().IsMatch(services.GatewayOutput[before..]), TimeSpan.FromSeconds(10));
        using var error = new SynchronizedStringWriter();

        var exitCode = await QrunApp.RunAsync([input], InProcessQrun.Host(services.TaskEnvironment("111", "fake_lagos")), output, error);

        Assert.True(exitCode == ExitCodes.Completed, error + services.GatewayOutput[before..]);
        Assert.True(output.OpenedInTime, "the results were written before the gateway answered the DELETE:\n" + services.GatewayOutput[before..]);
        Assert.Contains("\"results\"", output.ToString(), StringComparison.Ordinal);
        await services.AssertNothingLeftAsync(TimeSpan.FromSeconds(10));
    }

    [GeneratedRegex(@"DELETE /gateway/v1/jobs/[0-9a-f-]+ -> 204 ")]
    private static partial Regex DeleteAnswered();

    /// <summary>Stdout whose first write waits until <c>open</c> says so, or until the bound.</summary>
    private sealed class GatedWriter(Func<bool> open, TimeSpan bound) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        public bool OpenedInTime { get; private set; }

        public override async Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        {
            var deadline = DateTime.UtcNow + bound;
            while (!(OpenedInTime = open()) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, cancellationToken);
            }

            await base.WriteAsync(buffer, cancellationToken);
        }
    }

    [Fact]
    public async Task EachRequestsCredential_IsMadeOnce_AndUsedOnce_AtMostOneInVain()
    {
        // Credentials are made ahead of their requests (PreparedCredentials): none may serve two requests (the gateway
        // would refuse it) and few may be made for nothing.
        services.SetSlurmJobs(("110", "RUNNING", "fake_lagos"));
        var input = scratch.Write("in.json", DemoInputs.SmallSampler);
        var encodes = 0;
        var host = InProcessQrun.Host(services.TaskEnvironment("110", "fake_lagos")) with
        {
            GatewayCredential = payload =>
            {
                Interlocked.Increment(ref encodes);
                return MungeAuthenticationHandler.EncodeWithMunged(payload);
            },
        };
        var before = services.GatewayOutput.Length;

        var result = await InProcessQrun.RunAsync(host, CancellationToken.None, input, "--results", scratch.FilePath("out.json"));

        Assert.True(result.ExitCode == ExitCodes.Completed, result + services.GatewayOutput);
        var id = EmulatorJobs.SubmittedId(result.Error);
        // The DELETE's line may be logged just after its answer.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!services.GatewayOutput[before..].Contains($"DELETE /gateway/v1/jobs/{id} -> 204", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, services.GatewayOutput[before..]);
            await Task.Delay(50);
        }

        var requests = services.GatewayOutput[before..].Split('\n').Count(line => RequestLine().IsMatch(line));
        Assert.True(requests >= 4, services.GatewayOutput[before..]);
        Assert.InRange(encodes, requests, requests + 1);
    }

    [Fact]
    public async Task SmallInput_IsCreatedAndSubmittedInOneRequest_AndQrunUploadsNothing()
    {
        services.SetSlurmJobs(("113", "RUNNING", "fake_lagos"));
        // As editors and Qiskit's json.dump leave files: whitespace around the document, a newline at the end.
        var input = scratch.Write("in.json", "  " + DemoInputs.SmallSampler + "\r\n\n");
        var before = services.GatewayOutput.Length;
        var storageBefore = services.S3Proxy.Requests.Count;

        var result = await RunAsync(services.TaskEnvironment("113", "fake_lagos"), CancellationToken.None, input, "--results", scratch.FilePath("out.json"));

        Assert.True(result.ExitCode == ExitCodes.Completed, result + services.GatewayOutput);
        var id = EmulatorJobs.SubmittedId(result.Error);
        var gateway = services.GatewayOutput[before..];
        Assert.Contains("POST /gateway/v1/jobs -> 202 ", gateway, StringComparison.Ordinal);
        Assert.Contains($"job {id} created for Slurm job 113 step 0 uid", gateway, StringComparison.Ordinal);
        Assert.Contains($"input {Encoding.UTF8.GetByteCount(DemoInputs.SmallSampler)} bytes inline, submitted", gateway, StringComparison.Ordinal);
        Assert.DoesNotContain("/submit", gateway, StringComparison.Ordinal);
        // The one PUT of the input is the gateway's (qrun has no presigned URL for it), and it reached storage once.
        Assert.Single(services.S3Proxy.Requests.Skip(storageBefore), r => r.StartsWith($"PUT /{GatewayServices.Bucket}/input_{id}.json", StringComparison.Ordinal));
        await services.AssertNothingLeftAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task FirstStatusRequestsCredential_IsMadeBeforeTheOneRequestThatCreatesAndSubmitsGoesOut()
    {
        // With the input inline the job id is qrun's own, so the first poll's credential is made before the creation
        // is sent.
        var statusFirst = await FirstStatusCredentialMadeBeforeAsync("114", DemoInputs.SmallSampler, " POST /gateway/v1/jobs");

        Assert.True(statusFirst, "the first status request's credential was made only after the creation");
    }

    [Fact]
    public async Task FirstStatusRequestsCredential_IsMadeBeforeTheSubmitGoesOut()
    {
        // An input too large to go inline is uploaded, then submitted. The first poll follows the submit at once: its
        // credential is made during the upload, like the submit's.
        var statusFirst = await FirstStatusCredentialMadeBeforeAsync("112", PaddedSampler(InlineInput.MaxBytes + 1), "/submit");

        Assert.True(statusFirst, "the first status request's credential was made only after the submit");
    }

    /// <summary>
    /// Runs qrun with the credential of the request whose MUNGE payload ends with <paramref name="heldPayloadEnd"/>
    /// held back until the first status request's is being made (at most 10 s): true when that came first, which only
    /// making the status request's credential ahead allows.
    /// </summary>
    private async Task<bool> FirstStatusCredentialMadeBeforeAsync(string slurmJobId, string document, string heldPayloadEnd)
    {
        services.SetSlurmJobs((slurmJobId, "RUNNING", "fake_lagos"));
        var input = scratch.Write("in.json", document);
        using var statusAsked = new ManualResetEventSlim();
        var statusFirst = false;
        var host = InProcessQrun.Host(services.TaskEnvironment(slurmJobId, "fake_lagos")) with
        {
            GatewayCredential = payload =>
            {
                if (payload.EndsWith(heldPayloadEnd, StringComparison.Ordinal))
                    statusFirst = statusAsked.Wait(TimeSpan.FromSeconds(10));
                else if (payload.Contains(" GET ", StringComparison.Ordinal))
                    statusAsked.Set();
                return MungeAuthenticationHandler.EncodeWithMunged(payload);
            },
        };

        var result = await InProcessQrun.RunAsync(host, CancellationToken.None, input, "--results", scratch.FilePath("out.json"));

        Assert.True(result.ExitCode == ExitCodes.Completed, result + services.GatewayOutput);
        return statusFirst;
    }

    [GeneratedRegex(@" (POST|GET|DELETE) /gateway/v1/jobs\S* -> [0-9]{3} ")]
    private static partial Regex RequestLine();

    [Fact]
    public async Task SlurmTimeLeft_ComesFromTheGatewaysRecord_QrunRunsNoSqueue_AndTheServiceRunsItUnderThatTimeout()
    {
        // The gateway's squeue prints the job's EndTime (in UTC, as the gateway asks): ten minutes from now.
        var end = DateTime.UtcNow.AddMinutes(10).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        services.SetSlurmJobsEnding(end, ("107", "RUNNING", "fake_lagos"));

        var (result, squeueRuns) = await RunCountingSqueueAsync("107");

        Assert.Equal(0, squeueRuns);
        // 600 s left when the gateway read it, less the second or two since: 718-720 s with the grace.
        var timeout = Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Error, @"timeout (\d+) s = Slurm time left \+ 120 s grace")).Groups[1].Value;
        Assert.InRange(int.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture), 715, 720);
        // The service's own log, which qrun prints: the Direct Access job ran under that timeout.
        Assert.Contains($"running sampler (timeout {timeout} s)", result.Error);
        await services.AssertNothingLeftAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AGatewayThatCannotReadTheTimeLimit_SubmitsASmallInputWithTheDefaultTimeout_AndSaysWhy()
    {
        services.SetSlurmJobsEnding("Unknown", ("115", "RUNNING", "fake_lagos"));

        var (result, squeueRuns) = await RunCountingSqueueAsync("115");

        Assert.Equal(0, squeueRuns);
        Assert.Contains("timeout 3600 s default, the gateway could not read the Slurm time limit)", result.Error);
        Assert.Contains("running sampler (timeout 3600 s)", result.Error);
        await services.AssertNothingLeftAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// A Bell job with the small input in Slurm job <paramref name="slurmJobId"/>, which must complete, and how often
    /// qrun asked squeue (which would answer a day).
    /// </summary>
    private async Task<(QrunResult Result, int SqueueRuns)> RunCountingSqueueAsync(string slurmJobId)
    {
        var input = scratch.Write("in.json", DemoInputs.SmallSampler);
        var squeueRuns = 0;
        var host = InProcessQrun.Host(services.TaskEnvironment(slurmJobId, "fake_lagos")) with
        {
            TimeLeft = (_, _, _) =>
            {
                Interlocked.Increment(ref squeueRuns);
                return Task.FromResult<TimeSpan?>(TimeSpan.FromDays(1));
            },
        };

        var result = await InProcessQrun.RunAsync(host, CancellationToken.None, input, "--log-level", "info");

        Assert.True(result.ExitCode == ExitCodes.Completed, result + services.GatewayOutput);
        return (result, squeueRuns);
    }

    [Fact]
    public async Task AnExplicitTimeout_GoesWithTheOneRequest_AndTheServiceRunsItUnderThatTimeout()
    {
        var end = DateTime.UtcNow.AddMinutes(10).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        services.SetSlurmJobsEnding(end, ("116", "RUNNING", "fake_lagos"));
        var input = scratch.Write("in.json", DemoInputs.SmallSampler);

        var result = await RunAsync(services.TaskEnvironment("116", "fake_lagos"), CancellationToken.None, input, "--timeout", "300", "--log-level", "info");

        Assert.True(result.ExitCode == ExitCodes.Completed, result + services.GatewayOutput);
        Assert.Contains("timeout 300 s from --timeout)", result.Error);
        Assert.Contains("running sampler (timeout 300 s)", result.Error);
    }

    [Fact]
    public async Task AGatewayThatCannotReadTheTimeLimit_LeavesItToQrun_WhichAsksSqueueOnceTheJobIsCreated()
    {
        // An EndTime the gateway cannot read: it answers slurm_time_limit_known=false, as a gateway before it did. The
        // input is too large to go inline: qrun chooses the timeout, and asks squeue while it uploads.
        services.SetSlurmJobsEnding("Unknown", ("106", "RUNNING", "fake_lagos"));
        var input = scratch.Write("in.json", PaddedSampler(InlineInput.MaxBytes + 1));
        var squeueAnswers = new TaskCompletionSource<TimeSpan?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var squeueAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var host = InProcessQrun.Host(services.TaskEnvironment("106", "fake_lagos")) with
        {
            TimeLeft = (_, _, _) =>
            {
                squeueAsked.TrySetResult();
                return squeueAnswers.Task;
            },
        };

        var run = InProcessQrun.RunAsync(host, CancellationToken.None, input, "--log-level", "info");
        await squeueAsked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // qrun asks only after the creation's answer, which says whether the gateway knows (its log line may reach
        // the output a little after).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!services.GatewayOutput.Contains("created for Slurm job 106", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "squeue was asked, but no job was created\n" + services.GatewayOutput);
            await Task.Delay(20);
        }

        Assert.False(run.IsCompleted);
        squeueAnswers.SetResult(TimeSpan.FromMinutes(10));
        var result = await run;

        Assert.True(result.ExitCode == ExitCodes.Completed, result + services.GatewayOutput);
        Assert.Contains("timeout 720 s = Slurm time left + 120 s grace", result.Error);
        Assert.Contains("running sampler (timeout 720 s)", result.Error);
        await services.AssertNothingLeftAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task StepForAnotherBackend_IsRefusedWithExit2NamingBoth()
    {
        services.SetSlurmJobs(("102", "RUNNING", "fake_lagos"));
        var input = scratch.Write("in.json", DemoInputs.SmallSampler);

        var result = await RunAsync(services.TaskEnvironment("102", "fake_cairo"), CancellationToken.None, input);

        Assert.Equal(ExitCodes.UsageOrConfiguration, result.ExitCode);
        Assert.Contains("Slurm job 102 was submitted for backend fake_lagos; --q-backend=fake_cairo in a step is not allowed", result.Error);
        await services.AssertNothingLeftAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AReservedBackend_RefusesTheOneRequest_QrunSaysSoWithExit2_AndLeavesNothingBehind()
    {
        // Direct Access refuses after the gateway stored the input: qrun deletes the job, and the input goes with it.
        services.SetSlurmJobs(("118", "RUNNING", GatewayServices.ReservedBackend));
        var input = scratch.Write("in.json", DemoInputs.SmallSampler);

        var result = await RunAsync(services.TaskEnvironment("118", GatewayServices.ReservedBackend), CancellationToken.None, input);

        Assert.Equal(ExitCodes.UsageOrConfiguration, result.ExitCode);
        Assert.Contains($"backend {GatewayServices.ReservedBackend} is reserved", result.Error);
        await services.AssertNothingLeftAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task SlurmJobNotRunning_IsRefusedWithExit2()
    {
        services.SetSlurmJobs(("103", "COMPLETING", "fake_lagos"));
        var input = scratch.Write("in.json", DemoInputs.SmallSampler);

        var result = await RunAsync(services.TaskEnvironment("103", "fake_lagos"), CancellationToken.None, input);

        Assert.Equal(ExitCodes.UsageOrConfiguration, result.ExitCode);
        Assert.Contains("the qrun gateway at", result.Error);
        Assert.Contains("refused", result.Error);
    }

    [Fact]
    public async Task Interrupted_CancelsAndDeletesTheJobThroughTheGateway()
    {
        services.SetSlurmJobs(("104", "RUNNING", GatewayServices.SlowBackend));
        var input = scratch.Write("in.json", DemoInputs.SmallSampler);
        using var interrupt = new CancellationTokenSource();
        var environment = services.TaskEnvironment("104", GatewayServices.SlowBackend);

        var run = RunAsync(environment, interrupt.Token, input);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await services.DirectAccessJobCountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "qrun never submitted its job\n" + services.GatewayOutput);
            await Task.Delay(100);
        }

        interrupt.Cancel();
        var result = await run;

        Assert.Equal(ExitCodes.InterruptedBySigint, result.ExitCode);
        Assert.Contains("asked the service to cancel job", result.Error);
        await services.AssertNothingLeftAsync(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task HundredMegabyteInput_GoesStraightToStorage()
    {
        services.SetSlurmJobs(("105", "RUNNING", "fake_lagos"));
        // A valid document padded with JSON whitespace to 100 MB.
        var input = scratch.Write("big.json", PaddedSampler(100 * 1024 * 1024));
        var results = scratch.FilePath("out.json");

        var result = await RunAsync(services.TaskEnvironment("105", "fake_lagos"), CancellationToken.None, input, "--results", results);

        Assert.True(result.ExitCode == ExitCodes.Completed, result + services.GatewayOutput);
        Assert.True(File.Exists(results));
        await services.AssertNothingLeftAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>A valid sampler document padded with JSON whitespace to <paramref name="bytes"/> bytes.</summary>
    private static string PaddedSampler(int bytes) =>
        DemoInputs.SmallSampler[..^1] + new string(' ', bytes - DemoInputs.SmallSampler.Length) + "}";
}
