using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests.Infrastructure;

/// <summary>
/// s3rver and an emulator whose QPU has 5 execution lanes and takes 6 s per job, for the admission tests:
/// a sixth concurrent Direct Access job would be refused with "lanes busy".
/// </summary>
public sealed class FiveLaneServices : IAsyncLifetime
{
    public const int Lanes = 5;
    public const string Bucket = "e2e-lanes";

    private const string Config = """
        {
          "service_crn": "crn:v1:local:quantum-computing:e2e::",
          "token_lifetime_secs": 3600,
          "execution_lanes": 5,
          "app_id_clients": [ { "client_id": "e2e-client", "secret": "e2e-secret-for-qrun" } ],
          "backends": [
            { "name": "fake_cairo", "num_qubits": 27, "execution_delay_secs": 6 },
            { "name": "fake_brisbane", "num_qubits": 127 }
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
    }

    public async Task DisposeAsync()
    {
        Plugstack.ConfigureTestSite();
        await Emulator.DisposeAsync();
        await S3.DisposeAsync();
    }

    /// <summary>The seed's positional line, pointing at these services.</summary>
    public void ConfigurePlugin() => Plugstack.Configure(
        ["e2e-client", "e2e-secret-for-qrun", Emulator.Endpoint.ToString().TrimEnd('/'), S3.AccessKeyId, S3.SecretAccessKey,
         S3.Endpoint.ToString().TrimEnd('/'), Bucket, S3.Region]);
}
