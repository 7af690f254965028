using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SpankQrun.TestSupport;
using SpankQrun.Variables;

namespace SpankQrun.QrunLatency.Bench;

internal sealed record JobRun(TimeSpan Wall, TimeSpan Execution);

/// <summary>Runs qrun as a child process, exactly as a Slurm task would, and reads back what it reports.</summary>
internal sealed partial class Jobs(string qrun, S3Server s3, EmulatorServer emulator, string scratch)
{
    public const string Bucket = "qrun-latency";
    public const string BellBackend = "fake_lagos";
    public const string LongBackend = "fake_slow";

    private const string BellInput =
        """{"pubs":[["OPENQASM 3.0; include \"stdgates.inc\"; bit[2] meas; h $0; cx $0, $1; meas[0] = measure $0; meas[1] = measure $1;",[],1024]],"version":2,"support_qiskit":false}""";

    private int _next;

    public static string EmulatorConfig(int longSeconds) => string.Create(CultureInfo.InvariantCulture, $$"""
        {
          "service_crn": "crn:v1:local:quantum-computing:emulator::",
          "token_lifetime_secs": 3600,
          "execution_lanes": 5,
          "app_id_clients": [ { "client_id": "demo", "secret": "demopass" } ],
          "iam_api_keys": [ "demo-apikey" ],
          "backends": [
            { "name": "{{BellBackend}}", "num_qubits": 7, "basis_gates": [ "cx", "id", "rz", "sx", "x", "h" ] },
            { "name": "{{LongBackend}}", "num_qubits": 7, "basis_gates": [ "cx", "id", "rz", "sx", "x", "h" ], "execution_delay_secs": {{longSeconds}} }
          ]
        }
        """);

    public static int CountStatusRequests(string emulatorOutput) => StatusRequest().Matches(emulatorOutput).Count;

    /// <summary>Wall time of <paramref name="executable"/> run with <paramref name="arguments"/> and no input (start-up and exit).</summary>
    public static async Task<TimeSpan> TimeStartAsync(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var wall = stopwatch.Elapsed;
        await output;
        return process.ExitCode == 0 ? wall : throw new InvalidOperationException($"{executable} exited with {process.ExitCode}");
    }

    public async Task<JobRun> RunAsync(string backend, string? executable = null)
    {
        var number = Interlocked.Increment(ref _next);
        var input = Path.Combine(scratch, $"bell-{number}.json");
        var results = Path.Combine(scratch, $"results-{number}.json");
        await File.WriteAllTextAsync(input, BellInput);
        var start = new ProcessStartInfo(executable ?? qrun)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(input);
        start.ArgumentList.Add("--results");
        start.ArgumentList.Add(results);
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("IBMQRUN_", StringComparison.Ordinal) || name.StartsWith("SLURM_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment[IbmQrunVariables.Backend] = backend;
        start.Environment[IbmQrunVariables.Primitive] = "sampler";
        start.Environment[IbmQrunVariables.DaapiEndpoint] = emulator.Endpoint.AbsoluteUri;
        start.Environment[IbmQrunVariables.S3Endpoint] = s3.Endpoint.AbsoluteUri;
        start.Environment[IbmQrunVariables.S3Bucket] = Bucket;
        start.Environment[IbmQrunVariables.S3Region] = s3.Region;
        start.Environment[IbmQrunVariables.AwsAccessKeyId] = s3.AccessKeyId;
        start.Environment[IbmQrunVariables.AwsSecretAccessKey] = s3.SecretAccessKey;
        start.Environment[IbmQrunVariables.IamApiKey] = "demo-apikey";
        start.Environment[IbmQrunVariables.ServiceCrn] = "crn:v1:local:quantum-computing:emulator::";
        start.Environment[IbmQrunVariables.IamEndpoint] = emulator.Endpoint.AbsoluteUri;

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("qrun did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var wall = stopwatch.Elapsed;
        var stderr = await error;
        await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"qrun exited with {process.ExitCode}:\n{stderr}");
        }

        var completed = CompletedIn().Match(stderr);
        if (!completed.Success)
        {
            throw new InvalidOperationException($"qrun's output has no service log line \"completed in\":\n{stderr}");
        }

        File.Delete(input);
        File.Delete(results);
        return new JobRun(wall, TimeSpan.FromSeconds(double.Parse(completed.Groups["seconds"].Value, CultureInfo.InvariantCulture)));
    }

    [GeneratedRegex(@"completed in (?<seconds>[0-9]+\.[0-9]+) s")]
    private static partial Regex CompletedIn();

    [GeneratedRegex(@"GET /v1/jobs -> ")]
    private static partial Regex StatusRequest();
}

internal static class Settings
{
    public static int Positive(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new ArgumentException($"{name}={text}: expected a positive whole number")
            : fallback;
}

internal static class Stats
{
    public static double Median(IReadOnlyList<double> values) => Percentile(values, 0.5);

    public static double Percentile(IReadOnlyList<double> values, double fraction)
    {
        var sorted = values.Order().ToArray();
        var index = Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index];
    }
}
