using SpankQrun.TestSupport;
namespace SpankQrun.Slurm.Tests.Infrastructure;

/// <summary>The site configuration the tests install, with secrets that are easy to search for in logs.</summary>
public static class TestSite
{
    public const string ClientId = "e2e-client-id-5d0c";
    public const string ClientSecret = "e2e-app-secret-Q7w";
    public const string DaEndpoint = "http://127.0.0.1:18290";
    public const string AccessKeyId = "e2e-access-key-91b";
    public const string SecretAccessKey = "e2e-s3-secret-Hk2";
    public const string S3Endpoint = "http://127.0.0.1:19000";
    public const string Bucket = "e2e-bucket";
    public const string Region = "eu-de";

    /// <summary>Values that must never appear in a log or in the output of a job that did not print its environment.</summary>
    public static readonly IReadOnlyList<string> Secrets = [ClientId, ClientSecret, AccessKeyId, SecretAccessKey];

    /// <summary>The seed's eight positional plugstack arguments.</summary>
    public static readonly IReadOnlyList<string> Arguments =
        [ClientId, ClientSecret, DaEndpoint, AccessKeyId, SecretAccessKey, S3Endpoint, Bucket, Region];

    /// <summary>What every task of a job that asked for <paramref name="backend"/> must see.</summary>
    public static IReadOnlyDictionary<string, string> ExpectedEnvironment(string backend, string primitive) => new Dictionary<string, string>
    {
        ["IBMQRUN_BACKEND"] = backend,
        ["IBMQRUN_PRIMITIVE"] = primitive,
        ["IBMQRUN_APPID_CLIENT_ID"] = ClientId,
        ["IBMQRUN_APPID_SECRET"] = ClientSecret,
        ["IBMQRUN_DAAPI_ENDPOINT"] = DaEndpoint,
        ["IBMQRUN_AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["IBMQRUN_AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
        ["IBMQRUN_S3_ENDPOINT"] = S3Endpoint,
        ["IBMQRUN_S3_BUCKET"] = Bucket,
        ["IBMQRUN_S3_REGION"] = Region,
    };
}
