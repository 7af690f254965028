using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests.Infrastructure;

/// <summary>
/// A site in gateway mode on the real cluster: s3rver, the Direct Access emulator, and qrun-gateway (run as root,
/// as a site runs it, with a root-only configuration holding every credential), and the plugin's line naming only
/// the gateway. The cluster must run etc/job_submit.lua (scripts/slurm-cluster.sh up --job-submit etc/job_submit.lua):
/// it binds each job to its backend, which the gateway checks.
/// </summary>
public sealed partial class GatewaySite : IAsyncLifetime
{
    public const string Bucket = "e2e-gateway";
    public const string IamApiKey = "e2e-gw-apikey-Wz4";
    public const string ServiceCrn = "crn:v1:local:quantum-computing:e2e-gw::";
    public const string SlowBackend = "slow_backend";
    public const string SecondUser = "qrunuser2";
    public const string Backends = "fake_brisbane,fake_cairo,slow_backend";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private const string EmulatorConfig = """
        {
          "service_crn": "crn:v1:local:quantum-computing:e2e-gw::",
          "token_lifetime_secs": 3600,
          "execution_lanes": 256,
          "app_id_clients": [],
          "iam_api_keys": [ "e2e-gw-apikey-Wz4" ],
          "backends": [
            { "name": "fake_brisbane", "num_qubits": 127 },
            { "name": "fake_cairo", "num_qubits": 27 },
            { "name": "slow_backend", "num_qubits": 27, "queue_delay_secs": 600 }
          ]
        }
        """;

    private readonly string _configDirectory = Path.Combine("/var/lib/spank-qrun-tests", "gateway-" + Guid.NewGuid().ToString("N"));
    private readonly System.Text.StringBuilder _output = new();
    private System.Diagnostics.Process? _gateway;
    private int? _port;

    public S3Server S3 { get; private set; } = null!;

    public EmulatorServer Emulator { get; private set; } = null!;

    public Uri Gateway { get; private set; } = null!;

    /// <summary>Every credential of the site: none may be readable from inside a job.</summary>
    public IReadOnlyList<string> Secrets => [IamApiKey, S3.SecretAccessKey];

    /// <summary>What qrun-gateway printed so far.</summary>
    public string GatewayOutput
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public string ConfigFile => Path.Combine(_configDirectory, "gateway.conf");

    /// <summary>The built qrun-gateway (run with dotnet).</summary>
    public static string GatewayDll => Environment.GetEnvironmentVariable("SPANKQRUN_GATEWAY") is { Length: > 0 } custom
        ? custom
        : Path.Combine(RepositoryPaths.Root, "artifacts", "bin", "SpankQrun.Gateway", "debug", "qrun-gateway.dll");

    public async Task InitializeAsync()
    {
        var config = await Shell.RunAsync("scontrol", ["show", "config"]);
        if (!JobSubmitLua().IsMatch(config.Stdout))
            throw new InvalidOperationException("the cluster does not run etc/job_submit.lua: bring it up with scripts/slurm-cluster.sh up --job-submit etc/job_submit.lua");
        var second = await Shell.RunAsync("id", ["-u", SecondUser]);
        if (second.ExitCode != 0)
            throw new InvalidOperationException($"user {SecondUser} does not exist: run scripts/install-prerequisites.sh");

        S3 = await S3Server.StartAsync();
        Emulator = await EmulatorServer.StartAsync(new EmulatorServerOptions(EmulatorConfig));
        await S3.CreateBucketAsync(Bucket);
        await StartGatewayAsync();
        ConfigurePlugin();
    }

    public async Task DisposeAsync()
    {
        Plugstack.ConfigureTestSite();
        if (_gateway is not null)
        {
            if (!_gateway.HasExited)
                _gateway.Kill(entireProcessTree: true);
            await _gateway.WaitForExitAsync();
            _gateway.Dispose();
        }

        if (Emulator is not null)
            await Emulator.DisposeAsync();
        if (S3 is not null)
            await S3.DisposeAsync();
        try
        {
            Directory.Delete(_configDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The plugin's line in gateway mode.</summary>
    public void ConfigurePlugin() =>
        Plugstack.Configure([$"gateway={Gateway.ToString().TrimEnd('/')}", $"backends={Backends}"]);

    /// <summary>Sends qrun-gateway SIGTERM, as systemd stops it; its exit code, or null if it still runs after <paramref name="bound"/>.</summary>
    public async Task<int?> TerminateAsync(TimeSpan bound)
    {
        var gateway = _gateway!;
        var kill = await Shell.RunAsync("kill", ["-TERM", gateway.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.True(kill.ExitCode == 0, kill.ToString());
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await gateway.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        return gateway.ExitCode;
    }

    /// <summary>Starts qrun-gateway again, on the same address and database, after <see cref="TerminateAsync"/>.</summary>
    public async Task RestartAsync()
    {
        _gateway?.Dispose();
        await StartGatewayAsync();
    }

    /// <summary>The Direct Access jobs the emulator still holds, as (id, status).</summary>
    public async Task<IReadOnlyList<(string Id, string Status)>> DirectAccessJobsAsync()
    {
        using var http = new HttpClient { BaseAddress = Emulator.Endpoint };
        using var tokenResponse = await http.PostAsync(
            new Uri(Emulator.Endpoint, "identity/token"),
            new FormUrlEncodedContent([new("grant_type", "urn:ibm:params:oauth:grant-type:apikey"), new("apikey", IamApiKey)]));
        tokenResponse.EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();

        using var listRequest = new HttpRequestMessage(HttpMethod.Get, "v1/jobs");
        listRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        listRequest.Headers.Add("Service-CRN", ServiceCrn);
        using var listResponse = await http.SendAsync(listRequest);
        listResponse.EnsureSuccessStatusCode();
        var jobs = JsonDocument.Parse(await listResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("jobs");
        return [.. jobs.EnumerateArray().Select(j => (j.GetProperty("id").GetString()!, j.GetProperty("status").GetString()!))];
    }

    /// <summary>Waits until the emulator holds no job and the bucket no object; false when <paramref name="timeout"/> passes first.</summary>
    public async Task<bool> WaitUntilNothingLeftAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if ((await DirectAccessJobsAsync()).Count == 0 && (await S3.ListObjectKeysAsync(Bucket)).Count == 0)
                return true;
            if (DateTime.UtcNow >= deadline)
                return false;
            await Task.Delay(500);
        }
    }

    /// <summary>Stops qrun-gateway and starts it again on the same port and database, with <paramref name="environment"/> added.</summary>
    public async Task RestartGatewayAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        if (_gateway is not null)
        {
            if (!_gateway.HasExited)
                _gateway.Kill(entireProcessTree: true);
            await _gateway.WaitForExitAsync();
            _gateway.Dispose();
            _gateway = null;
        }

        await StartGatewayAsync(environment);
    }

    /// <summary>Whether qrun-gateway still runs and answers GET /gateway/v1/health.</summary>
    public async Task<bool> IsServingAsync()
    {
        using var http = new HttpClient { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(5) };
        using var response = await http.GetAsync("gateway/v1/health");
        return _gateway is { HasExited: false } && response.StatusCode == HttpStatusCode.OK;
    }

    private async Task StartGatewayAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = GatewayDll;
        if (!File.Exists(dll))
            throw new FileNotFoundException("qrun-gateway is not built: run `dotnet build src/SpankQrun.Gateway` or set SPANKQRUN_GATEWAY", dll);

        var port = _port ??= FreePort();
        Gateway = new Uri($"http://127.0.0.1:{port}");
        Directory.CreateDirectory(_configDirectory);
        File.SetUnixFileMode(_configDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var emulator = Emulator.Endpoint.ToString().TrimEnd('/');
        var content = $"""
            listen = http://127.0.0.1:{port}
            backends = {Backends}
            database = sqlite:{Path.Combine(_configDirectory, "gateway.db")}
            slurm_poll_secs = 2
            daapi_endpoint = {emulator}
            iam_endpoint = {emulator}
            service_crn = {ServiceCrn}
            iam_apikey = {IamApiKey}
            s3_endpoint = {S3.Endpoint.ToString().TrimEnd('/')}
            s3_bucket = {Bucket}
            s3_region = {S3.Region}
            aws_access_key_id = {S3.AccessKeyId}
            aws_secret_access_key = {S3.SecretAccessKey}

            """;
        File.WriteAllText(ConfigFile, string.Empty);
        File.SetUnixFileMode(ConfigFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(ConfigFile, content);

        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _configDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, "--config", ConfigFile })
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        _gateway = System.Diagnostics.Process.Start(start)!;
        _gateway.OutputDataReceived += (_, e) => Append(e.Data);
        _gateway.ErrorDataReceived += (_, e) => Append(e.Data);
        _gateway.BeginOutputReadLine();
        _gateway.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
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
                // Not answering yet (a loaded machine starts it slowly).
            }

            if (DateTime.UtcNow >= deadline || _gateway.HasExited)
                throw new TimeoutException($"qrun-gateway did not answer GET /gateway/v1/health. Output:\n{GatewayOutput}");
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^JobSubmitPlugins\s*=\s*.*lua", RegexOptions.Multiline)]
    private static partial Regex JobSubmitLua();
}
