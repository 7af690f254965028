using SpankQrun.Accounting.Licenses;
using SpankQrun.DirectAccess.Backends;
using SpankQrun.Slurm.Tests.Infrastructure;
using SpankQrun.TestSupport;
using ProcessCommandRunner = SpankQrun.Accounting.Slurm.ProcessCommandRunner;

namespace SpankQrun.Slurm.Tests;

/// <summary>
/// Slurm holds QPU jobs in the queue instead of letting them fail: one license per backend, counted by
/// slurmctld (remote licenses in slurmdbd), added to every job by the shipped job_submit.lua.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class LicenseAdmissionTests : IClassFixture<FiveLaneServices>, IAsyncLifetime, IDisposable
{
    private readonly FiveLaneServices _services;
    private readonly JobWorkspace _workspace = new();

    public LicenseAdmissionTests(FiveLaneServices services)
    {
        _services = services;
        _services.ConfigurePlugin();
        File.WriteAllText(_workspace.PathOf("bell.json"),
            """{"pubs":[["OPENQASM 3.0; include \"stdgates.inc\"; bit[2] meas; h $0; cx $0, $1; meas[0] = measure $0; meas[1] = measure $1;",[],64]],"version":2,"support_qiskit":false}""");
    }

    public async Task InitializeAsync()
    {
        await QpuLicenses.RequireAsync();
        await QpuLicenses.SetCountAsync(QpuLicenses.Backend, FiveLaneServices.Lanes);
    }

    public async Task DisposeAsync()
    {
        await Shell.RunAsync("scontrol", ["delete", $"ReservationName={ScontrolLicenseHolds.ReservationOf(QpuLicenses.Backend)}"]);
        await QpuLicenses.SetCountAsync(QpuLicenses.Backend, FiveLaneServices.Lanes);
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task FiveLanes_EightQrunJobs_FiveRun_ThreeWaitForLicenses_AllEightComplete()
    {
        var script = _workspace.WriteScript("job.sh", $"""
            #!/bin/bash
            #SBATCH --q-backend={QpuLicenses.Backend}
            #SBATCH --q-primitive=sampler
            srun qrun bell.json --results out.$SLURM_JOB_ID.json
            """);
        var jobs = new List<string>();
        for (var i = 0; i < 8; i++)
            jobs.Add(SlurmCluster.JobIdOf((await SbatchAsync(script)).Stdout));

        var mostRunning = 0;
        var sawThreeWaitingForLicenses = false;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            var states = await Task.WhenAll(jobs.Select(QpuLicenses.StateAndReasonAsync));
            mostRunning = Math.Max(mostRunning, states.Count(s => s.StartsWith("RUNNING", StringComparison.Ordinal)));
            sawThreeWaitingForLicenses |= states.Count(s => s == "PENDING Licenses") == 3;
            if (states.All(s => s.Length == 0))
                break;
            Assert.True(DateTime.UtcNow < deadline, "jobs still queued after 3 minutes: " + string.Join(", ", states));
            await Task.Delay(300);
        }

        Assert.Equal(FiveLaneServices.Lanes, mostRunning);
        Assert.True(sawThreeWaitingForLicenses, "never saw 3 jobs PENDING with reason Licenses");
        foreach (var job in jobs)
        {
            var record = await QpuLicenses.WaitForFinalRecordAsync(job, "State,ExitCode,AllocTRES", TimeSpan.FromSeconds(60));
            Assert.True(record[0] == "COMPLETED" && record[1] == "0:0", $"job {job}: {string.Join('|', record)}\n{Output()}");
            Assert.Contains($"license/{QpuLicenses.LicenseOf(QpuLicenses.Backend)}=1", record[2], StringComparison.Ordinal);
            Assert.True(File.Exists(_workspace.PathOf($"out.{job}.json")), $"job {job} wrote no results\n{Output()}");
        }

        Assert.DoesNotContain("lanes", Output(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("paused", false)]
    [InlineData("online", true)]
    public async Task LicenseSync_HoldsAnUnavailableBackendsJobsInTheQueue_AndReleasesThemWhenItIsBack(string status, bool locked)
    {
        var source = new StubBackendStates { State = new BackendState(QpuLicenses.Backend, status, locked, "maintenance", FiveLaneServices.Lanes) };
        var log = new List<string>();
        var runner = new ProcessCommandRunner();
        var sync = new LicenseSynchronizer(new LicenseSyncOptions([QpuLicenses.Backend]), source,
            new SacctmgrLicenseStore(QpuLicenses.Server, runner), new ScontrolLicenseHolds(QpuLicenses.Server, runner), log.Add);

        await sync.SyncOnceAsync(CancellationToken.None);
        var submitted = await SbatchAsync("qrunuser", $"--q-backend={QpuLicenses.Backend}", "--wrap", "true");
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        var job = SlurmCluster.JobIdOf(submitted.Stdout);
        await Task.Delay(TimeSpan.FromSeconds(4));
        var waiting = await QpuLicenses.StateAndReasonAsync(job);

        source.State = new BackendState(QpuLicenses.Backend, "online", false, null, FiveLaneServices.Lanes);
        await sync.SyncOnceAsync(CancellationToken.None);
        var record = await QpuLicenses.WaitForFinalRecordAsync(job, "State,ExitCode,User", TimeSpan.FromSeconds(60));

        Assert.True(waiting is "PENDING Licenses" or "PENDING Reservation", $"job {job} while held: '{waiting}'; {string.Join("; ", log)}");
        Assert.Equal(["COMPLETED", "0:0", "qrunuser"], record);
        Assert.Contains(log, l => l.Contains("held by reservation", StringComparison.Ordinal));
        Assert.Contains(log, l => l.Contains("hold released", StringComparison.Ordinal));
    }

    private sealed class StubBackendStates : IBackendStateSource
    {
        public required BackendState State { get; set; }

        public Task<BackendState> GetAsync(string backend, CancellationToken cancellationToken) => Task.FromResult(State);
    }

    private Task<CommandResult> SbatchAsync(string script) => SbatchAsync(null, script);

    private Task<CommandResult> SbatchAsync(string? user, params string[] arguments)
    {
        string[] sbatch = ["sbatch", $"--chdir={_workspace.Directory}", $"--output={_workspace.PathOf("slurm-%j.out")}", .. arguments];
        var environment = new Dictionary<string, string?> { ["PATH"] = $"{Path.Combine(RepositoryPaths.Root, "build")}:{Environment.GetEnvironmentVariable("PATH")}" };
        return user is null
            ? Shell.RunAsync(sbatch[0], sbatch[1..], TimeSpan.FromSeconds(60), environment)
            : Shell.RunAsync("runuser", ["-u", user, "--", .. sbatch], TimeSpan.FromSeconds(60), environment);
    }

    private string Output() => string.Join('\n', Directory.GetFiles(_workspace.Directory, "slurm-*.out").Order(StringComparer.Ordinal).Select(f => $"== {f}\n{File.ReadAllText(f)}"));
}
