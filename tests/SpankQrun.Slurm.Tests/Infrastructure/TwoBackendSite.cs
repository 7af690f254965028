namespace SpankQrun.Slurm.Tests.Infrastructure;

/// <summary>
/// A site in the recommended form: a key=value plugstack line that lists two backends and names a
/// root-only secrets file with shared defaults, an IAM backend (ibm_torino) and an App ID backend with
/// its own endpoint, S3 account, bucket and region (ibm_fez). Secrets are easy to search for in logs.
/// </summary>
public static class TwoBackendSite
{
    public const string Torino = "ibm_torino";
    public const string Fez = "ibm_fez";

    public const string SharedEndpoint = "http://127.0.0.1:18390";
    public const string FezEndpoint = "http://127.0.0.1:18391";
    public const string S3Endpoint = "http://127.0.0.1:19090";
    public const string SharedBucket = "e2e-shared-bucket";
    public const string SharedRegion = "us-east";
    public const string IamEndpoint = "http://127.0.0.1:18392";
    public const string TorinoCrn = "crn:v1:e2e:torino::";
    public const string FezBucket = "e2e-fez-bucket";
    public const string FezRegion = "eu-de";

    public const string SharedAccessKey = "e2e-shared-access-R5t";
    public const string SharedSecretKey = "e2e-shared-s3secret-Lm4";
    public const string TorinoApiKey = "e2e-torino-apikey-V8c";
    public const string FezClientId = "e2e-fez-client-N2w";
    public const string FezClientSecret = "e2e-fez-appsecret-J6d";
    public const string FezAccessKey = "e2e-fez-access-B1x";
    public const string FezSecretKey = "e2e-fez-s3secret-Q9z";

    public static readonly IReadOnlyList<string> Secrets =
        [SharedAccessKey, SharedSecretKey, TorinoApiKey, FezClientId, FezClientSecret, FezAccessKey, FezSecretKey];

    public static readonly string SecretsContent = $"""
        # spank_ibm_qrun secrets: root:root 0600
        aws_access_key_id = {SharedAccessKey}
        aws_secret_access_key = {SharedSecretKey}

        [{Torino}]
        iam_apikey = {TorinoApiKey}

        [{Fez}]
        appid_client_id = {FezClientId}
        appid_secret = {FezClientSecret}
        aws_access_key_id = {FezAccessKey}
        aws_secret_access_key = {FezSecretKey}
        """;

    /// <summary>The plugstack arguments, with <paramref name="secretsPath"/>.</summary>
    public static IReadOnlyList<string> Arguments(string secretsPath) =>
    [
        $"backends={Torino},{Fez}", $"secrets={secretsPath}",
        $"daapi_endpoint={SharedEndpoint}", $"s3_endpoint={S3Endpoint}", $"s3_bucket={SharedBucket}", $"s3_region={SharedRegion}",
        $"iam_endpoint={IamEndpoint}", $"{Torino}.service_crn={TorinoCrn}",
        $"{Fez}.daapi_endpoint={FezEndpoint}", $"{Fez}.s3_bucket={FezBucket}", $"{Fez}.s3_region={FezRegion}",
    ];

    /// <summary>What every task of a job that asked for <paramref name="backend"/> must see.</summary>
    public static IReadOnlyDictionary<string, string> ExpectedEnvironment(string backend, string primitive) => backend switch
    {
        Torino => new Dictionary<string, string>
        {
            ["IBMQRUN_BACKEND"] = Torino,
            ["IBMQRUN_PRIMITIVE"] = primitive,
            ["IBMQRUN_DAAPI_ENDPOINT"] = SharedEndpoint,
            ["IBMQRUN_AWS_ACCESS_KEY_ID"] = SharedAccessKey,
            ["IBMQRUN_AWS_SECRET_ACCESS_KEY"] = SharedSecretKey,
            ["IBMQRUN_S3_ENDPOINT"] = S3Endpoint,
            ["IBMQRUN_S3_BUCKET"] = SharedBucket,
            ["IBMQRUN_S3_REGION"] = SharedRegion,
            ["IBMQRUN_IAM_APIKEY"] = TorinoApiKey,
            ["IBMQRUN_SERVICE_CRN"] = TorinoCrn,
            ["IBMQRUN_IAM_ENDPOINT"] = IamEndpoint,
        },
        Fez => new Dictionary<string, string>
        {
            ["IBMQRUN_BACKEND"] = Fez,
            ["IBMQRUN_PRIMITIVE"] = primitive,
            ["IBMQRUN_APPID_CLIENT_ID"] = FezClientId,
            ["IBMQRUN_APPID_SECRET"] = FezClientSecret,
            ["IBMQRUN_DAAPI_ENDPOINT"] = FezEndpoint,
            ["IBMQRUN_AWS_ACCESS_KEY_ID"] = FezAccessKey,
            ["IBMQRUN_AWS_SECRET_ACCESS_KEY"] = FezSecretKey,
            ["IBMQRUN_S3_ENDPOINT"] = S3Endpoint,
            ["IBMQRUN_S3_BUCKET"] = FezBucket,
            ["IBMQRUN_S3_REGION"] = FezRegion,
            ["IBMQRUN_IAM_ENDPOINT"] = IamEndpoint,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, "not a backend of this site"),
    };
}
