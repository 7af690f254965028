using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using SpankQrun.QrunLatency.Bench;
using SpankQrun.TestSupport;

if (args.Length != 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: SpankQrun.QrunLatency.Bench QRUN_EXECUTABLE (bench/qrun-latency/run.sh passes it)");
    return 2;
}

var invariant = CultureInfo.InvariantCulture;
var qrun = args[0];
var sequentialJobs = Settings.Positive("BENCH_JOBS", 40);
var clients = Settings.Positive("BENCH_CLIENTS", 8);
var clientJobs = Settings.Positive("BENCH_CLIENT_JOBS", 15);
var longSeconds = Settings.Positive("BENCH_LONG_SECS", 8);
var warmupJobs = Settings.Positive("BENCH_WARMUP", 100);
var baseline = Environment.GetEnvironmentVariable("QRUN_BASELINE") is { Length: > 0 } other
    ? File.Exists(other) ? other : throw new ArgumentException($"QRUN_BASELINE={other}: no such file")
    : null;

await using var s3 = await S3Server.StartAsync();
await s3.CreateBucketAsync(Jobs.Bucket);
await using var emulator = await EmulatorServer.StartAsync(new EmulatorServerOptions(Jobs.EmulatorConfig(longSeconds)));
var scratch = Directory.CreateTempSubdirectory("qrun-latency-");
try
{
    var runner = new Jobs(qrun, s3, emulator, scratch.FullName);
    Console.WriteLine(string.Create(invariant, $"qrun latency bench, direct mode: {qrun}; emulator {emulator.Endpoint}, s3rver {s3.Endpoint}; {Environment.ProcessorCount} cores"));

    // A service that has run for a while: the emulator's JIT tiering takes about half a core for the first hundred
    // or so jobs after it starts, and measured that, not qrun (89 ms after 3 warm-up jobs, 71 ms after 200).
    Console.WriteLine(string.Create(invariant, $"warming up the emulator with {warmupJobs} Bell jobs ..."));
    for (var i = 0; i < warmupJobs; i++)
    {
        await runner.RunAsync(Jobs.BellBackend);
    }

    // 0. Start-up and exit alone: `qrun --version` against a process that does nothing, alternately.
    var startups = new List<double>();
    var floors = new List<double>();
    for (var i = 0; i < 40; i++)
    {
        startups.Add((await Jobs.TimeStartAsync(qrun, "--version")).TotalMilliseconds);
        floors.Add((await Jobs.TimeStartAsync("true")).TotalMilliseconds);
    }

    Console.WriteLine(string.Create(invariant, $"start-up: qrun --version median {Stats.Median(startups):F1} ms, true (process start alone) {Stats.Median(floors):F1} ms"));

    // 1. Sequential Bell jobs: qrun's wall time against the execution the service reports for the same job; with
    //    QRUN_BASELINE, alternately with that other qrun, so both meet the same machine and the same service state.
    var runs = new List<JobRun>();
    var baselineRuns = new List<JobRun>();
    for (var i = 0; i < sequentialJobs; i++)
    {
        runs.Add(await runner.RunAsync(Jobs.BellBackend));
        if (baseline is not null)
        {
            baselineRuns.Add(await runner.RunAsync(Jobs.BellBackend, baseline));
        }
    }

    var walls = runs.Select(run => run.Wall.TotalMilliseconds).ToList();
    var executions = runs.Select(run => run.Execution.TotalMilliseconds).ToList();
    var overheads = runs.Select(run => (run.Wall - run.Execution).TotalMilliseconds).ToList();
    Console.WriteLine(string.Create(invariant, $"Bell job x{sequentialJobs}, one client: qrun wall median {Stats.Median(walls):F1} ms (p90 {Stats.Percentile(walls, 0.9):F1}), execution (service log) median {Stats.Median(executions):F1} ms"));
    Console.WriteLine(string.Create(invariant, $"  latency beyond execution: median {Stats.Median(overheads):F1} ms, p90 {Stats.Percentile(overheads, 0.9):F1} ms  (target <= 50 ms median: {(Stats.Median(overheads) <= 50 ? "met" : "NOT met")})"));
    if (baseline is not null)
    {
        var baselineOverheads = baselineRuns.Select(run => (run.Wall - run.Execution).TotalMilliseconds).ToList();
        Console.WriteLine(string.Create(invariant, $"  baseline {baseline}, alternating: median {Stats.Median(baselineOverheads):F1} ms, p90 {Stats.Percentile(baselineOverheads, 0.9):F1} ms beyond execution; this qrun {Stats.Median(overheads) - Stats.Median(baselineOverheads):+0.0;-0.0} ms"));
    }

    // 2. A long job: status requests per second while it runs, overall and in a window well inside it
    //    (from 3 s after qrun starts to 2 s before the execution delay ends, past qrun's start-up and backoff ramp).
    var before = Jobs.CountStatusRequests(emulator.Output);
    var longJob = runner.RunAsync(Jobs.LongBackend);
    var windowStart = TimeSpan.FromSeconds(3);
    var window = TimeSpan.FromSeconds(Math.Max(1, longSeconds - 4));
    await Task.Delay(windowStart);
    var atWindowStart = Jobs.CountStatusRequests(emulator.Output);
    await Task.Delay(window);
    var atWindowEnd = Jobs.CountStatusRequests(emulator.Output);
    var longRun = await longJob;
    var requests = Jobs.CountStatusRequests(emulator.Output) - before;
    var rate = requests / longRun.Wall.TotalSeconds;
    var steadyRate = (atWindowEnd - atWindowStart) / window.TotalSeconds;
    Console.WriteLine(string.Create(invariant, $"long job ({longSeconds} s execution delay): qrun wall {longRun.Wall.TotalSeconds:F2} s, execution {longRun.Execution.TotalSeconds:F2} s, beyond execution {(longRun.Wall - longRun.Execution).TotalMilliseconds:F0} ms"));
    Console.WriteLine(string.Create(invariant, $"  GET /v1/jobs requests: {requests} in {longRun.Wall.TotalSeconds:F2} s = {rate:F2}/s overall, {steadyRate:F2}/s from {windowStart.TotalSeconds:F0} s to {(windowStart + window).TotalSeconds:F0} s  (target <= ~4/s: {(steadyRate <= 4.2 ? "met" : "NOT met")})"));

    // 3. Throughput: concurrent clients, each running Bell jobs back to back.
    var stopwatch = Stopwatch.StartNew();
    var all = await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
    {
        var mine = new List<JobRun>();
        for (var i = 0; i < clientJobs; i++)
        {
            mine.Add(await runner.RunAsync(Jobs.BellBackend));
        }

        return mine;
    }));
    var elapsed = stopwatch.Elapsed;
    var total = all.Sum(list => list.Count);
    var throughput = total / elapsed.TotalSeconds;
    var concurrentWalls = all.SelectMany(list => list).Select(run => run.Wall.TotalMilliseconds).ToList();
    Console.WriteLine(string.Create(invariant, $"{clients} concurrent clients x {clientJobs} Bell jobs, 5 lanes: {total} jobs in {elapsed.TotalSeconds:F2} s = {throughput:F1} jobs/s, qrun wall median {Stats.Median(concurrentWalls):F0} ms  (target >= 20 jobs/s: {(throughput >= 20 ? "met" : "NOT met")})"));

    // Gateway mode needs MUNGE credentials and a running Slurm job (the gateway checks both), so it is measured
    // inside the local cluster by bench/gateway/run.sh, against direct mode in the same job.
    Console.WriteLine("gateway mode: bench/gateway/run.sh (inside a Slurm job on the local cluster: the time the gateway adds to each job)");
    return 0;
}
finally
{
    scratch.Delete(recursive: true);
}
