using System.Text.Json;
using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

/// <summary>qrun in real Slurm jobs, through the plugin's environment, against the emulator and s3rver.</summary>
[Collection(SlurmCollection.Name)]
public sealed class QrunJobTests : IClassFixture<QrunServices>, IDisposable
{
    private readonly QrunServices _services;
    private readonly JobWorkspace _workspace = new();

    public QrunJobTests(QrunServices services)
    {
        _services = services;
        _services.ConfigurePlugin();
        foreach (var input in new[] { "sampler_input.json", "estimator_input.json" })
            File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "data", "upstream-demo", input), _workspace.PathOf(input));
    }

    /// <summary>qrun as `make` built it, first on the jobs' PATH (sbatch passes the submitting environment on).</summary>
    private static Dictionary<string, string?> QrunOnPath => new()
    {
        ["PATH"] = $"{Path.Combine(RepositoryPaths.Root, "build")}:{Environment.GetEnvironmentVariable("PATH")}",
    };

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task ExampleSamplerJob_WritesTheResultsAndLeavesNothingBehind()
    {
        var script = _workspace.WriteScript("job.sh", """
            #!/bin/bash
            #SBATCH --q-backend=fake_brisbane
            #SBATCH --q-primitive=sampler
            srun qrun sampler_input.json --results sampler_output.json
            """);

        var result = await SbatchAsync(script, wait: true);

        Assert.True(result.ExitCode == 0, result + Output());
        using var results = JsonDocument.Parse(File.ReadAllText(_workspace.PathOf("sampler_output.json")));
        var registers = results.RootElement.GetProperty("results")[0].GetProperty("data").EnumerateObject().ToList();
        var register = Assert.Single(registers).Value;
        Assert.Equal(10_000, register.GetProperty("samples").GetArrayLength());
        Assert.Equal(7, register.GetProperty("num_bits").GetInt32());
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task EstimatorJob_GivesTheBellPairsExpectationValues()
    {
        var script = _workspace.WriteScript("job.sh", """
            #!/bin/bash
            #SBATCH --q-backend=fake_cairo
            #SBATCH --q-primitive=estimator
            srun qrun estimator_input.json --results estimator_output.json
            """);

        var result = await SbatchAsync(script, wait: true);

        Assert.True(result.ExitCode == 0, result + Output());
        using var results = JsonDocument.Parse(File.ReadAllText(_workspace.PathOf("estimator_output.json")));
        var evs = results.RootElement.GetProperty("results")[0].GetProperty("data").GetProperty("evs").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.Equal([0, 0, 0, 0, 1, 1], evs.Select(v => Math.Round(v, 6)));
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task Scancel_OfARunningQrunJob_CancelsAndDeletesTheDirectAccessJob()
    {
        var script = _workspace.WriteScript("job.sh", $"""
            #!/bin/bash
            #SBATCH --q-backend={QrunServices.SlowBackend}
            #SBATCH --q-primitive=estimator
            srun qrun estimator_input.json --results estimator_output.json
            """);
        var submitted = await SbatchAsync(script, wait: false);
        var jobId = SlurmCluster.JobIdOf(submitted.Stdout);
        await WaitForDirectAccessJobAsync(TimeSpan.FromSeconds(60));

        var scancel = await Shell.RunAsync("scancel", [jobId]);
        await WaitUntilSlurmJobEndsAsync(jobId, TimeSpan.FromSeconds(90));

        Assert.Equal(0, scancel.ExitCode);
        Assert.Contains("JobState=CANCELLED", (await Shell.RunAsync("scontrol", ["show", "job", jobId])).Stdout);
        Assert.False(File.Exists(_workspace.PathOf("estimator_output.json")));
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task TimeLimit_ShorterThanTheCircuit_EndsWithTheDirectAccessJobCancelledAndDeleted()
    {
        var script = _workspace.WriteScript("job.sh", $"""
            #!/bin/bash
            #SBATCH --q-backend={QrunServices.SlowBackend}
            #SBATCH --q-primitive=sampler
            #SBATCH --time=1
            srun qrun sampler_input.json --results sampler_output.json
            """);
        var submitted = await SbatchAsync(script, wait: false);
        var jobId = SlurmCluster.JobIdOf(submitted.Stdout);
        await WaitForDirectAccessJobAsync(TimeSpan.FromSeconds(60));

        await WaitUntilSlurmJobEndsAsync(jobId, TimeSpan.FromSeconds(200));

        Assert.Contains("JobState=TIMEOUT", (await Shell.RunAsync("scontrol", ["show", "job", jobId])).Stdout);
        Assert.Contains("qrun: ", Output());
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task TwoBackendsFromARootOnlySecretsFile_IamAndAppId_RunQrunForANonRootUser()
    {
        using var secrets = SecretsFile.Create($"""
            aws_access_key_id = {_services.S3.AccessKeyId}
            aws_secret_access_key = {_services.S3.SecretAccessKey}
            [fake_brisbane]
            iam_apikey = {QrunServices.IamApiKey}
            [fake_cairo]
            appid_client_id = {QrunServices.AppIdClient}
            appid_secret = {QrunServices.AppIdSecret}
            """);
        _services.ConfigurePlugin(secrets.Path);
        var script = _workspace.WriteScript("job.sh", """
            #!/bin/bash
            #SBATCH --q-backend=fake_brisbane
            #SBATCH --q-primitive=sampler
            srun qrun sampler_input.json --results sampler_output.json
            srun --q-backend=fake_cairo --q-primitive=estimator qrun estimator_input.json --results estimator_output.json
            """);

        var result = await Shell.RunAsync("runuser",
            ["-u", "qrunuser", "--", "sbatch", "--wait", $"--chdir={_workspace.Directory}", $"--output={_workspace.PathOf("slurm.out")}", script],
            TimeSpan.FromMinutes(3), QrunOnPath);

        Assert.True(result.ExitCode == 0, result + Output());
        using var sampler = JsonDocument.Parse(File.ReadAllText(_workspace.PathOf("sampler_output.json")));
        Assert.Equal(10_000, sampler.RootElement.GetProperty("results")[0].GetProperty("data").EnumerateObject().Single().Value.GetProperty("samples").GetArrayLength());
        using var estimator = JsonDocument.Parse(File.ReadAllText(_workspace.PathOf("estimator_output.json")));
        Assert.Equal([0, 0, 0, 0, 1, 1], estimator.RootElement.GetProperty("results")[0].GetProperty("data").GetProperty("evs").EnumerateArray().Select(e => Math.Round(e.GetDouble(), 6)));
        Assert.DoesNotContain(QrunServices.IamApiKey, Output());
        await AssertNothingLeftAsync();
        Assert.Empty(await _services.S3.ListObjectKeysAsync(QrunServices.SecondBucket));
    }

    private Task<CommandResult> SbatchAsync(string script, bool wait) =>
        Shell.RunAsync("sbatch", [.. wait ? ["--wait"] : Array.Empty<string>(), $"--chdir={_workspace.Directory}", $"--output={_workspace.PathOf("slurm.out")}", script],
            TimeSpan.FromMinutes(3), QrunOnPath);

    private string Output() => File.Exists(_workspace.PathOf("slurm.out")) ? File.ReadAllText(_workspace.PathOf("slurm.out")) : "(no output file)";

    private async Task WaitForDirectAccessJobAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while ((await _services.DirectAccessJobsAsync()).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "qrun never submitted its Direct Access job\n" + Output());
            await Task.Delay(250);
        }
    }

    private static async Task WaitUntilSlurmJobEndsAsync(string jobId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while ((await Shell.RunAsync("squeue", ["-h", "-j", jobId])).Stdout.Trim().Length > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Slurm job {jobId} is still queued or running after {timeout.TotalSeconds} s");
            await Task.Delay(500);
        }
    }

    private async Task AssertNothingLeftAsync()
    {
        Assert.Empty(await _services.DirectAccessJobsAsync());
        Assert.Empty(await _services.S3.ListObjectKeysAsync(QrunServices.Bucket));
    }
}
