using System.Text.Json;
using System.Text.RegularExpressions;
using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests;

/// <summary>
/// Issue 10, accounting: the gateway writes each Slurm job's QPU usage into its AdminComment, so that
/// <c>sacct -X -o JobID,User,Account,AdminComment</c> answers what the gateway's usage report says, to the
/// nanosecond, per user; a job whose qrun was killed is accounted too. Needs the cluster with slurmdbd.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed partial class GatewayUsageAccountingTests : IClassFixture<GatewaySite>, IAsyncLifetime, IDisposable
{
    private const string Backend = "fake_cairo";

    private readonly GatewaySite _site;
    private readonly JobWorkspace _workspace = new();

    public GatewayUsageAccountingTests(GatewaySite site)
    {
        _site = site;
        _site.ConfigurePlugin();
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "data", "upstream-demo", "sampler_input.json"), _workspace.PathOf("sampler_input.json"));
        File.WriteAllText(_workspace.PathOf("bell.json"),
            """{"pubs":[["OPENQASM 3.0; include \"stdgates.inc\"; bit[2] meas; h $0; cx $0, $1; meas[0] = measure $0; meas[1] = measure $1;",[],64]],"version":2,"support_qiskit":false}""");
    }

    public Task InitializeAsync() => QpuLicenses.RequireAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task SacctAdminComment_EqualsTheGatewaysUsageReport_ToTheNanosecond_AndEachUsersUsageStaysSeparate()
    {
        var script = _workspace.WriteScript("job.sh", $"""
            #!/bin/bash
            #SBATCH --q-backend={Backend}
            #SBATCH --q-primitive=sampler
            srun qrun bell.json --results out.$SLURM_JOB_ID.json
            """);
        // The class's gateway also holds the other tests' jobs: the report covers this test's period only (the
        // gateway and the tests read the same clock, and the store keeps creation times to 100 ns).
        var since = DateTimeOffset.UtcNow;
        var logged = _site.GatewayOutput.Length;
        var submitted = new List<(string User, string Job)>();
        foreach (var user in new[] { UserJobs.FirstUser, UserJobs.FirstUser, GatewaySite.SecondUser })
        {
            var result = await UserJobs.SbatchAsync(user, _workspace, script, wait: false, output: $"slurm-{submitted.Count}.out");
            Assert.True(result.ExitCode == 0, result.ToString());
            submitted.Add((user, SlurmCluster.JobIdOf(result.Stdout)));
        }

        var comments = new Dictionary<string, JsonElement>();
        foreach (var (user, job) in submitted)
        {
            await UserJobs.WaitUntilEndedAsync(job, TimeSpan.FromMinutes(4));
            var record = await QpuLicenses.WaitForFinalRecordAsync(job, "State,User,Account,AdminComment", TimeSpan.FromSeconds(60));
            Assert.True(record[0] == "COMPLETED", $"job {job}: {string.Join('|', record)}\n{Output()}\n{_site.GatewayOutput}");
            Assert.Equal(user, record[1]);
            // Written while the Slurm job ran: exact JSON, the backend binding kept, the Direct Access job final.
            var comment = JsonDocument.Parse(record[3]).RootElement.GetProperty("qrun");
            Assert.Equal(Backend, comment.GetProperty("backend").GetString());
            var listed = Assert.Single(comment.GetProperty("jobs").EnumerateArray());
            Assert.Equal("Completed", listed.GetProperty("status").GetString());
            Assert.True(comment.GetProperty("quantum_nanoseconds").GetInt64() > 0, record[3]);
            comments[job] = comment.Clone();
        }

        // Written by the gateway's lasting libslurm child, not by one scontrol process an update.
        Assert.Contains("AdminComment helper started", _site.GatewayOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("AdminComment helper", _site.GatewayOutput[logged..], StringComparison.Ordinal);

        var report = await UsageReportAsync("user", since);
        foreach (var user in new[] { UserJobs.FirstUser, GatewaySite.SecondUser })
        {
            var jobs = submitted.Where(s => s.User == user).Select(s => comments[s.Job]).ToList();
            var row = Assert.Single(report, r => r.GetProperty("user").GetString() == user);
            Assert.Equal(jobs.Sum(c => c.GetProperty("quantum_nanoseconds").GetInt64()), row.GetProperty("quantum_nanoseconds").GetInt64());
            Assert.Equal(jobs.Sum(c => c.GetProperty("jobs").GetArrayLength()), row.GetProperty("jobs").GetInt64());
            Assert.Equal(jobs.Count, row.GetProperty("completed").GetInt64());
        }
    }

    [Fact]
    public async Task QrunKilledWithSigkill_ItsCancelledJobIsAccountedInSacct_AsExactJson_EqualToTheGatewaysReport()
    {
        var since = DateTimeOffset.UtcNow;
        var (job, id) = await StartSlowJobAsync("killed", """
            qrun sampler_input.json --results out.json 2> killed.err &
            pid=$!
            until grep -q "submitted job" killed.err 2>/dev/null; do sleep 0.2; done
            kill -KILL $pid
            wait $pid
            echo "qrun exit $?"
            # The Slurm job stays until the test has seen the Direct Access job queued: once the job ends, the
            # gateway cancels and removes it, and could do so before the test looks.
            for i in $(seq 600); do [ -e killed.release ] && break; sleep 0.2; done
            """, "killed.err");
        await File.WriteAllTextAsync(_workspace.PathOf("killed.release"), "");

        await AssertAccountedAsCancelledAsync(job, id, since, "COMPLETED");
    }

    [Fact]
    public async Task Scancel_WhileItsDirectAccessJobRuns_SacctHoldsExactJson_EqualToTheGatewaysReport()
    {
        var since = DateTimeOffset.UtcNow;
        var (job, id) = await StartSlowJobAsync("scancelled", "srun qrun sampler_input.json --results out.json 2> scancelled.err", "scancelled.err");

        var cancel = await Shell.RunAsync("scancel", [job]);
        Assert.True(cancel.ExitCode == 0, cancel.ToString());

        await AssertAccountedAsCancelledAsync(job, id, since, "CANCELLED");
    }

    [Fact]
    public async Task TimeLimit_WhileItsDirectAccessJobRuns_SacctHoldsExactJson_EqualToTheGatewaysReport()
    {
        var since = DateTimeOffset.UtcNow;
        var (job, id) = await StartSlowJobAsync("timelimit", "srun qrun sampler_input.json --results out.json 2> timelimit.err", "timelimit.err", "--time=1");

        await AssertAccountedAsCancelledAsync(job, id, since, "TIMEOUT");
    }

    [Fact]
    public async Task WriterFailure_SlurmdbdUnreachable_IsLoggedOnce_AndTheGatewayKeepsServing()
    {
        // The gateway alone sees slurmdbd on a port where nothing listens; slurmctld stays reachable.
        var conf = Path.Combine(Path.GetDirectoryName(_site.ConfigFile)!, "slurm.conf");
        var original = await File.ReadAllTextAsync("/etc/slurm/slurm.conf");
        var unreachable = AccountingPort().Replace(original, "AccountingStoragePort=1");
        Assert.NotEqual(original, unreachable);
        await File.WriteAllTextAsync(conf, unreachable);
        var logged = _site.GatewayOutput.Length;
        await _site.RestartGatewayAsync(new Dictionary<string, string> { ["SLURM_CONF"] = conf });
        try
        {
            var (job, id) = await StartSlowJobAsync("unreachable", "srun qrun sampler_input.json --results out.json 2> unreachable.err", "unreachable.err");
            var cancel = await Shell.RunAsync("scancel", [job]);
            Assert.True(cancel.ExitCode == 0, cancel.ToString());
            await UserJobs.WaitUntilEndedAsync(job, TimeSpan.FromMinutes(3));
            Assert.True(await _site.WaitUntilNothingLeftAsync(TimeSpan.FromSeconds(90)), _site.GatewayOutput);
            // Several more rounds of the watcher (slurm_poll_secs = 2): the failure is not repeated.
            await Task.Delay(TimeSpan.FromSeconds(8));

            var output = _site.GatewayOutput[logged..];
            var failures = output.Split('\n').Count(l => l.Contains($"could not write the usage of Slurm job {job} to its AdminComment", StringComparison.Ordinal));
            Assert.True(failures == 1, output);
            Assert.True(output.Contains($"slurmdb: modifying job {job} failed: Connection refused", StringComparison.Ordinal), output);
            Assert.DoesNotContain(id, (await QpuLicenses.SacctAsync(job, "AdminComment"))[0], StringComparison.OrdinalIgnoreCase);

            Assert.True(await _site.IsServingAsync(), output);
            var script = _workspace.WriteScript("after.sh", $"""
                #!/bin/bash
                #SBATCH --q-backend={Backend}
                #SBATCH --q-primitive=sampler
                srun qrun bell.json --results after.json
                """);
            var after = await UserJobs.SbatchAsync(UserJobs.FirstUser, _workspace, script, wait: true, output: "after.out");
            Assert.True(after.ExitCode == 0, $"{after}\n{Read("after.out")}\n{_site.GatewayOutput[logged..]}");
            Assert.True(File.Exists(_workspace.PathOf("after.json")));
        }
        finally
        {
            await _site.RestartGatewayAsync();
        }
    }

    [GeneratedRegex(@"(?m)^AccountingStoragePort=\d+$")]
    private static partial Regex AccountingPort();

    private string Read(string name) => File.Exists(_workspace.PathOf(name)) ? File.ReadAllText(_workspace.PathOf(name)) : $"(no {name})";

    /// <summary>Submits a job on the slow backend (its Direct Access jobs stay queued for 10 minutes) and waits for its submission.</summary>
    private async Task<(string Job, string Id)> StartSlowJobAsync(string name, string body, string qrunErrors, params string[] options)
    {
        var script = _workspace.WriteScript($"{name}.sh", $"""
            #!/bin/bash
            #SBATCH --q-backend={GatewaySite.SlowBackend}
            #SBATCH --q-primitive=sampler
            {body}
            """);
        var submitted = await UserJobs.SbatchAsync(UserJobs.FirstUser, _workspace, script, wait: false, output: $"{name}.out", options: options);
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        var job = SlurmCluster.JobIdOf(submitted.Stdout);
        var id = await UserJobs.WaitForSubmittedAsync(_workspace.PathOf(qrunErrors), TimeSpan.FromSeconds(90));
        Assert.Contains(await _site.DirectAccessJobsAsync(), j => j.Id == id && j.Status is "Queued" or "Running");
        return (job, id);
    }

    /// <summary>
    /// The Direct Access job is cancelled by the gateway after its Slurm job ended, when slurmctld no longer takes an
    /// update: sacct's AdminComment must still be the exact JSON, with the job Cancelled and the same quantum
    /// nanoseconds as the gateway's usage report.
    /// </summary>
    private async Task AssertAccountedAsCancelledAsync(string job, string id, DateTimeOffset since, string slurmState)
    {
        await UserJobs.WaitUntilEndedAsync(job, TimeSpan.FromMinutes(3));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        string stored;
        while (!(stored = (await QpuLicenses.SacctAsync(job, "AdminComment"))[0]).Contains(id, StringComparison.OrdinalIgnoreCase))
        {
            Assert.True(DateTime.UtcNow < deadline, $"AdminComment of job {job} never listed {id}: '{stored}'\n{_site.GatewayOutput}");
            await Task.Delay(1000);
        }

        Assert.Equal(slurmState, (await QpuLicenses.SacctAsync(job, "State"))[0].Split(' ')[0]);
        var comment = JsonDocument.Parse(stored).RootElement.GetProperty("qrun");
        Assert.Equal(GatewaySite.SlowBackend, comment.GetProperty("backend").GetString());
        var listed = Assert.Single(comment.GetProperty("jobs").EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetString());
        Assert.Equal("Cancelled", listed.GetProperty("status").GetString());
        var row = Assert.Single(await UsageReportAsync("backend", since), r => r.GetProperty("backend").GetString() == GatewaySite.SlowBackend);
        Assert.Equal((1, 1), (row.GetProperty("jobs").GetInt64(), row.GetProperty("cancelled").GetInt64()));
        Assert.Equal(row.GetProperty("quantum_nanoseconds").GetInt64(), comment.GetProperty("quantum_nanoseconds").GetInt64());
        Assert.Equal(row.GetProperty("quantum_nanoseconds").GetInt64(), listed.GetProperty("quantum_nanoseconds") is { ValueKind: JsonValueKind.Number } ns ? ns.GetInt64() : 0);
    }

    private async Task<List<JsonElement>> UsageReportAsync(string by, DateTimeOffset? since = null)
    {
        string[] period = since is { } from ? ["--since", from.ToString("O", System.Globalization.CultureInfo.InvariantCulture)] : [];
        var result = await Shell.RunAsync("dotnet", [GatewaySite.GatewayDll, "usage", "--config", _site.ConfigFile, "--by", by, "--format", "json", .. period], TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.ToString());
        return [.. JsonDocument.Parse(result.Stdout).RootElement.GetProperty("rows").EnumerateArray().Select(r => r.Clone())];
    }

    private string Output() => string.Join('\n', Directory.GetFiles(_workspace.Directory, "slurm-*.out").Order(StringComparer.Ordinal).Select(f => $"== {f}\n{File.ReadAllText(f)}"));
}
