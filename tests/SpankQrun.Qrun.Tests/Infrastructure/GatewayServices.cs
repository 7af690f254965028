using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SpankQrun.TestSupport;
using Xunit;

namespace SpankQrun.Qrun.Tests.Infrastructure;

/// <summary>
/// qrun-gateway (the real service, as a child process) in front of s3rver and the emulator, with the local
/// munged. Slurm is scripted here (squeue and scontrol answer from a table the test writes): these tests are
/// about qrun's side of the protocol; the real cluster's tests are in SpankQrun.Slurm.Tests.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GatewayServices : IAsyncLifetime
{
    public const string Bucket = "qrun-gw-tests";
    public const string IamApiKey = "qrun-gw-apikey-Tq5";
    public const string ServiceCrn = "crn:v1:local:quantum-computing:qrun-gw::";
    public const string SlowBackend = "slow_backend";

    /// <summary>A backend the emulator reports reserved: Direct Access refuses every job for it (423).</summary>
    public const string ReservedBackend = "fake_reserved";

    private const string EmulatorConfig = """
        {
          "service_crn": "crn:v1:local:quantum-computing:qrun-gw::",
          "execution_lanes": 8,
          // The gateway must carry 100 MB inputs (the emulator's default cap is 64 MiB).
          "max_input_bytes": 268435456,
          "app_id_clients": [],
          "iam_api_keys": [ "qrun-gw-apikey-Tq5" ],
          "backends": [
            { "name": "fake_lagos", "num_qubits": 7 },
            { "name": "fake_cairo", "num_qubits": 27 },
            { "name": "slow_backend", "num_qubits": 7, "queue_delay_secs": 600 },
            { "name": "fake_reserved", "num_qubits": 7, "reserved": true }
          ]
        }
        """;

    private const string FakeSqueue = """
        #!/bin/bash
        # squeue as qrun-gateway calls it, answered from jobs.txt: ID UID USER ACCOUNT STATE BACKEND END_TIME
        table="$(dirname "$0")/jobs.txt" job="" format="" running=0
        while (($#)); do case "$1" in -j) job=$2; shift 2 ;; -o) format=$2; shift 2 ;; -t) running=1; shift 2 ;; *) shift ;; esac; done
        found=0
        while read -r id uid user account state backend end; do
            [[ -n "$job" && "$id" != "$job" ]] && continue
            ((running)) && [[ "$state" != RUNNING ]] && continue
            out=${format//%A/$id}; out=${out//%U/$uid}; out=${out//%u/$user}; out=${out//%a/$account}; out=${out//%T/$state}; out=${out//%Z//tmp}; out=${out//%e/$end}
            echo "$out"; found=1
        done <"$table"
        [[ -n "$job" && $found == 0 ]] && { echo "slurm_load_jobs error: Invalid job id specified" >&2; exit 1; }
        exit 0
        """;

    private const string FakeScontrol = """
        #!/bin/bash
        # scontrol show job ID, answered from jobs.txt
        table="$(dirname "$0")/jobs.txt"
        while read -r id uid user account state backend end; do
            [[ "$id" == "$3" ]] || continue
            printf 'JobId=%s JobName=test\n   UserId=%s(%s) GroupId=%s(%s)\n   JobState=%s Reason=None\n   WorkDir=/tmp\n' "$id" "$user" "$uid" "$user" "$uid" "$state"
            [[ "$backend" != - ]] && printf '   AdminComment={"qrun":{"backend":"%s"}}\n' "$backend"
            printf '   StdOut=/tmp/out\n'
            exit 0
        done <"$table"
        echo "slurm_load_jobs error: Invalid job id specified" >&2
        exit 1
        """;

    private readonly string _directory = Path.Combine("/var/lib/spank-qrun-tests", "qrun-gateway-" + Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _output = new();
    private Process? _gateway;
    private string _uid = "0";

    public S3Server S3 { get; private set; } = null!;

    public EmulatorServer Emulator { get; private set; } = null!;

    /// <summary>The gateway's way to s3rver (its presigned URLs point here): records what the store is asked.</summary>
    public RecordingTcpProxy S3Proxy { get; private set; } = null!;

    public Uri Gateway { get; private set; } = null!;

    public string GatewayOutput
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>Sets what Slurm says about the jobs: (id, state, bound backend or null); all of them this process's user's.</summary>
    public void SetSlurmJobs(params (string Id, string State, string? Backend)[] jobs) =>
        SetSlurmJobsEnding("NONE", jobs);

    /// <summary>As <see cref="SetSlurmJobs"/>, with the EndTime squeue prints for each job (%e: NONE without a limit).</summary>
    public void SetSlurmJobsEnding(string endTime, params (string Id, string State, string? Backend)[] jobs)
    {
        var lines = jobs.Select(j => $"{j.Id} {_uid} {Environment.UserName} acct {j.State} {j.Backend ?? "-"} {endTime}\n");
        File.WriteAllText(Path.Combine(_directory, "jobs.txt"), string.Concat(lines));
    }

    public async Task InitializeAsync()
    {
        _uid = (await Shell.RunAsync("id", ["-u"])).Stdout.Trim();
        S3 = await S3Server.StartAsync();
        Emulator = await EmulatorServer.StartAsync(new EmulatorServerOptions(EmulatorConfig));
        await S3.CreateBucketAsync(Bucket);
        S3Proxy = new RecordingTcpProxy(S3.Endpoint);
        Directory.CreateDirectory(_directory);
        File.SetUnixFileMode(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var (name, text) in new[] { ("squeue", FakeSqueue), ("scontrol", FakeScontrol) })
        {
            var path = Path.Combine(_directory, name);
            File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        SetSlurmJobs();
        await StartGatewayAsync();
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            if (!_gateway.HasExited)
                _gateway.Kill(entireProcessTree: true);
            await _gateway.WaitForExitAsync();
            _gateway.Dispose();
        }

        if (Emulator is not null)
            await Emulator.DisposeAsync();
        if (S3Proxy is not null)
            await S3Proxy.DisposeAsync();
        if (S3 is not null)
            await S3.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The environment the plugin gives a task of Slurm job <paramref name="jobId"/> in gateway mode.</summary>
    public Dictionary<string, string> TaskEnvironment(string jobId, string backend, string primitive = "sampler") => new()
    {
        ["IBMQRUN_GATEWAY"] = Gateway.ToString().TrimEnd('/'),
        ["IBMQRUN_BACKEND"] = backend,
        ["IBMQRUN_PRIMITIVE"] = primitive,
        ["SLURM_JOB_ID"] = jobId,
        ["SLURM_STEP_ID"] = "0",
    };

    /// <summary>Waits until the emulator holds no job and the bucket no object.</summary>
    public async Task AssertNothingLeftAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var jobs = await DirectAccessJobCountAsync();
            var objects = await S3.ListObjectKeysAsync(Bucket);
            if (jobs == 0 && objects.Count == 0)
                return;
            Assert.True(DateTime.UtcNow < deadline, $"left behind: {jobs} Direct Access job(s), objects [{string.Join(", ", objects)}]\n{GatewayOutput}");
            await Task.Delay(200);
        }
    }

    public async Task<int> DirectAccessJobCountAsync()
    {
        using var http = new HttpClient { BaseAddress = Emulator.Endpoint };
        using var tokenResponse = await http.PostAsync("identity/token",
            new FormUrlEncodedContent([new("grant_type", "urn:ibm:params:oauth:grant-type:apikey"), new("apikey", IamApiKey)]));
        tokenResponse.EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/jobs");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Service-CRN", ServiceCrn);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("jobs").GetArrayLength();
    }

    private async Task StartGatewayAsync()
    {
        var dll = Path.Combine(RepositoryPaths.Root, "artifacts", "bin", "SpankQrun.Gateway", "debug", "qrun-gateway.dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException("qrun-gateway is not built: run `dotnet build src/SpankQrun.Gateway`", dll);
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        Gateway = new Uri($"http://127.0.0.1:{port}");
        var emulator = Emulator.Endpoint.ToString().TrimEnd('/');
        var config = Path.Combine(_directory, "gateway.conf");
        File.WriteAllText(config, string.Empty);
        File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(config, $"""
            listen = {Gateway.ToString().TrimEnd('/')}
            backends = fake_lagos,fake_cairo,{SlowBackend},{ReservedBackend}
            database = sqlite:{Path.Combine(_directory, "gateway.db")}
            squeue = {Path.Combine(_directory, "squeue")}
            scontrol = {Path.Combine(_directory, "scontrol")}
            slurm_poll_secs = 1
            slurm_cache_secs = 1
            daapi_endpoint = {emulator}
            iam_endpoint = {emulator}
            service_crn = {ServiceCrn}
            iam_apikey = {IamApiKey}
            s3_endpoint = {S3Proxy.Endpoint.ToString().TrimEnd('/')}
            s3_bucket = {Bucket}
            s3_region = {S3.Region}
            aws_access_key_id = {S3.AccessKeyId}
            aws_secret_access_key = {S3.SecretAccessKey}

            """);

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "--config", config })
            start.ArgumentList.Add(argument);
        _gateway = Process.Start(start)!;
        _gateway.OutputDataReceived += (_, e) => Append(e.Data);
        _gateway.ErrorDataReceived += (_, e) => Append(e.Data);
        _gateway.BeginOutputReadLine();
        _gateway.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("gateway/v1/health");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                // Not answering yet.
            }

            if (DateTime.UtcNow >= deadline || _gateway.HasExited)
                throw new TimeoutException($"qrun-gateway did not answer GET /gateway/v1/health:\n{GatewayOutput}");
            await Task.Delay(200);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }
}
