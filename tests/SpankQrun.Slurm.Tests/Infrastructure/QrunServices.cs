using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests.Infrastructure;

/// <summary>
/// What a qrun job talks to: a real s3rver and the Direct Access emulator, on loopback ports of this host
/// (every node of the test cluster runs here too), and the plugstack line that points the jobs at them.
/// </summary>
public sealed class QrunServices : IAsyncLifetime
{
    public const string Bucket = "e2e-qrun";
    public const string SecondBucket = "e2e-qrun-cairo";
    public const string IamApiKey = "e2e-apikey-Hq7";
    public const string ServiceCrn = "crn:v1:local:quantum-computing:e2e::";
    public const string AppIdClient = "e2e-client";
    public const string AppIdSecret = "e2e-secret-for-qrun";
    public const string SlowBackend = "slow_backend";

    /// <summary>A backend whose jobs start at once and then run for 10 minutes (timeout_secs counts that time).</summary>
    public const string LongRunningBackend = "long_running";

    // A backend whose jobs wait 10 minutes before they start, so that they are still running when a
    // test cancels them or their Slurm time limit ends (the emulator's timeout_secs starts after the wait).
    private const string Config = """
        {
          "service_crn": "crn:v1:local:quantum-computing:e2e::",
          "token_lifetime_secs": 3600,
          "execution_lanes": 4,
          "app_id_clients": [ { "client_id": "e2e-client", "secret": "e2e-secret-for-qrun" } ],
          "iam_api_keys": [ "e2e-apikey-Hq7" ],
          "backends": [
            { "name": "fake_brisbane", "num_qubits": 127 },
            { "name": "fake_cairo", "num_qubits": 27 },
            { "name": "slow_backend", "num_qubits": 27, "queue_delay_secs": 600 },
            { "name": "long_running", "num_qubits": 127, "execution_delay_secs": 600 }
          ]
        }
        """;

    public S3Server S3 { get; private set; } = null!;

    public EmulatorServer Emulator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        S3 = await S3Server.StartAsync();
        Emulator = await EmulatorServer.StartAsync(new EmulatorServerOptions(Config));
        await S3.CreateBucketAsync(Bucket);
        await S3.CreateBucketAsync(SecondBucket);
    }

    public async Task DisposeAsync()
    {
        Plugstack.ConfigureTestSite();
        await Emulator.DisposeAsync();
        await S3.DisposeAsync();
    }

    /// <summary>Points the plugin at these services.</summary>
    public void ConfigurePlugin() => Plugstack.Configure(
        [AppIdClient, AppIdSecret, Emulator.Endpoint.ToString().TrimEnd('/'), S3.AccessKeyId, S3.SecretAccessKey,
         S3.Endpoint.ToString().TrimEnd('/'), Bucket, S3.Region]);

    /// <summary>
    /// Points the plugin at these services in the key=value form: fake_brisbane authenticates with IAM,
    /// fake_cairo with App ID and its own bucket; credentials come from <paramref name="secretsPath"/>.
    /// </summary>
    public void ConfigurePlugin(string secretsPath)
    {
        var emulator = Emulator.Endpoint.ToString().TrimEnd('/');
        Plugstack.Configure(
            ["backends=fake_brisbane,fake_cairo,slow_backend", $"secrets={secretsPath}", $"daapi_endpoint={emulator}",
             $"s3_endpoint={S3.Endpoint.ToString().TrimEnd('/')}", $"s3_bucket={Bucket}", $"s3_region={S3.Region}",
             $"iam_endpoint={emulator}", $"service_crn={ServiceCrn}", $"fake_cairo.s3_bucket={SecondBucket}"]);
    }

    /// <summary>
    /// The IBMQRUN_* environment of a direct-mode qrun on fake_brisbane (sampler) against these services, as the plugin
    /// gives it (IAM), with any gateway unset: for tests that run build/qrun themselves.
    /// </summary>
    public Dictionary<string, string?> DirectModeEnvironment()
    {
        var emulator = Emulator.Endpoint.ToString().TrimEnd('/');
        return new Dictionary<string, string?>
        {
            ["IBMQRUN_GATEWAY"] = null,
            ["IBMQRUN_BACKEND"] = "fake_brisbane",
            ["IBMQRUN_PRIMITIVE"] = "sampler",
            ["IBMQRUN_DAAPI_ENDPOINT"] = emulator,
            ["IBMQRUN_IAM_ENDPOINT"] = emulator,
            ["IBMQRUN_IAM_APIKEY"] = IamApiKey,
            ["IBMQRUN_SERVICE_CRN"] = ServiceCrn,
            ["IBMQRUN_S3_ENDPOINT"] = S3.Endpoint.ToString().TrimEnd('/'),
            ["IBMQRUN_S3_BUCKET"] = Bucket,
            ["IBMQRUN_S3_REGION"] = S3.Region,
            ["IBMQRUN_AWS_ACCESS_KEY_ID"] = S3.AccessKeyId,
            ["IBMQRUN_AWS_SECRET_ACCESS_KEY"] = S3.SecretAccessKey,
        };
    }

    /// <summary>The jobs the emulator still holds (deleted ones are gone), as (id, status).</summary>
    public async Task<IReadOnlyList<(string Id, string Status)>> DirectAccessJobsAsync()
    {
        using var http = new HttpClient { BaseAddress = Emulator.Endpoint };
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "v1/token");
        tokenRequest.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AppIdClient}:{AppIdSecret}")));
        using var tokenResponse = await http.SendAsync(tokenRequest);
        tokenResponse.EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();

        using var listRequest = new HttpRequestMessage(HttpMethod.Get, "v1/jobs");
        listRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var listResponse = await http.SendAsync(listRequest);
        listResponse.EnsureSuccessStatusCode();
        var jobs = JsonDocument.Parse(await listResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("jobs");
        return [.. jobs.EnumerateArray().Select(j => (j.GetProperty("id").GetString()!, j.GetProperty("status").GetString()!))];
    }
}
