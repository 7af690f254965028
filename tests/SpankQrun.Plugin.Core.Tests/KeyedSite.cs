using SpankQrun.Plugin.Core.Configuration;

namespace SpankQrun.Plugin.Core.Tests;

/// <summary>
/// A site that offers two backends with the keyed form: public settings on the plugstack.conf line,
/// credentials in the secrets file; ibm_torino authenticates with IAM, ibm_fez with App ID and its own S3.
/// </summary>
internal static class KeyedSite
{
    public const string Torino = "ibm_torino";
    public const string Fez = "ibm_fez";
    public const string DaEndpoint = "http://127.0.0.1:8290";
    public const string S3Endpoint = "http://127.0.0.1:9000";
    public const string Bucket = "qrun-bucket";
    public const string FezBucket = "fez-bucket";
    public const string Region = "us-east-1";
    public const string SharedAccessKeyId = "shared-access-Hh3k";
    public const string SharedSecretAccessKey = "shared-s3-secret-Jj4m";
    public const string TorinoApiKey = "torino-apikey-Qw7e";
    public const string TorinoCrn = "crn:v1:bluemix:public:quantum-computing:us-east:a/1:torino::";
    public const string IamEndpoint = "https://iam.cloud.example";
    public const string FezClientId = "fez-client-Lk2m";
    public const string FezClientSecret = "fez-appid-secret-Pp5r";
    public const string FezAccessKeyId = "fez-access-Vb6n";
    public const string FezSecretAccessKey = "fez-s3-secret-Gt8y";

    public static readonly string[] Secrets =
        [SharedAccessKeyId, SharedSecretAccessKey, TorinoApiKey, FezClientId, FezClientSecret, FezAccessKeyId, FezSecretAccessKey];

    public static string[] Line() =>
    [
        $"backends={Torino},{Fez}",
        $"secrets={Snapshots.Path}",
        $"daapi_endpoint={DaEndpoint}",
        $"s3_endpoint={S3Endpoint}",
        $"s3_bucket={Bucket}",
        $"s3_region={Region}",
        $"{Fez}.s3_bucket={FezBucket}",
    ];

    public const string FileText =
        $"""
        # credentials of the site's backends
        aws_access_key_id = {SharedAccessKeyId}
        aws_secret_access_key = {SharedSecretAccessKey}

        [{Torino}]
        iam_apikey = {TorinoApiKey}
        service_crn = {TorinoCrn}
        iam_endpoint = {IamEndpoint}

        [{Fez}]
        appid_client_id = {FezClientId}
        appid_secret = {FezClientSecret}
        aws_access_key_id = {FezAccessKeyId}
        aws_secret_access_key = {FezSecretAccessKey}

        """;

    public static SecretsFileSnapshot File() => Snapshots.Read(FileText);

    /// <summary>A complete keyed line with IAM credentials and no secrets file.</summary>
    public static string[] IamOnlyLine() =>
    [
        $"daapi_endpoint={DaEndpoint}",
        $"aws_access_key_id={SharedAccessKeyId}",
        $"aws_secret_access_key={SharedSecretAccessKey}",
        $"s3_endpoint={S3Endpoint}",
        $"s3_bucket={Bucket}",
        $"s3_region={Region}",
        $"iam_apikey={TorinoApiKey}",
        $"service_crn={TorinoCrn}",
        $"iam_endpoint={IamEndpoint}",
    ];
}
