using SpankQrun.TestSupport;
using SpankQrun.Variables;
using Xunit;

namespace SpankQrun.Qrun.Tests.Infrastructure;

/// <summary>A real s3rver and a real Direct Access emulator, each a child process on a free loopback port.</summary>
public class QrunServices : IAsyncLifetime
{
    public const string Bucket = "qrun-tests";

    private S3Server? s3;
    private EmulatorServer? emulator;

    public S3Server S3 => s3 ?? throw new InvalidOperationException("the fixture is not started");

    public EmulatorServer Emulator => emulator ?? throw new InvalidOperationException("the fixture is not started");

    /// <summary>The emulator configuration (null: the shipped emulator.json).</summary>
    protected virtual string? EmulatorConfig => null;

    public async Task InitializeAsync()
    {
        s3 = await S3Server.StartAsync();
        await s3.CreateBucketAsync(Bucket);
        emulator = await EmulatorServer.StartAsync(new EmulatorServerOptions(EmulatorConfig));
    }

    public async Task DisposeAsync()
    {
        if (emulator is not null)
        {
            await emulator.DisposeAsync();
        }

        if (s3 is not null)
        {
            await s3.DisposeAsync();
        }
    }

    public Dictionary<string, string> Environment(string backend, string primitive, AuthMode auth = AuthMode.AppId) =>
        EnvironmentFor(S3, Emulator, backend, primitive, auth);

    public static Dictionary<string, string> EnvironmentFor(S3Server s3, EmulatorServer emulator, string backend, string primitive, AuthMode auth)
    {
        var environment = new Dictionary<string, string>
        {
            [IbmQrunVariables.Backend] = backend,
            [IbmQrunVariables.Primitive] = primitive,
            [IbmQrunVariables.DaapiEndpoint] = emulator.Endpoint.AbsoluteUri,
            [IbmQrunVariables.S3Endpoint] = s3.Endpoint.AbsoluteUri,
            [IbmQrunVariables.S3Bucket] = Bucket,
            [IbmQrunVariables.S3Region] = s3.Region,
            [IbmQrunVariables.AwsAccessKeyId] = s3.AccessKeyId,
            [IbmQrunVariables.AwsSecretAccessKey] = s3.SecretAccessKey,
        };
        if (auth == AuthMode.Iam)
        {
            environment[IbmQrunVariables.IamApiKey] = EmulatorCredentials.IamApiKey;
            environment[IbmQrunVariables.ServiceCrn] = EmulatorCredentials.ServiceCrn;
            environment[IbmQrunVariables.IamEndpoint] = emulator.Endpoint.AbsoluteUri;
        }
        else
        {
            environment[IbmQrunVariables.AppIdClientId] = EmulatorCredentials.AppIdClientId;
            environment[IbmQrunVariables.AppIdSecret] = EmulatorCredentials.AppIdSecret;
        }

        return environment;
    }

    public Task<IReadOnlyList<string>> BucketKeysAsync() => S3.ListObjectKeysAsync(Bucket);
}
