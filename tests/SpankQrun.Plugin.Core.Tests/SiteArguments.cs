namespace SpankQrun.Plugin.Core.Tests;

/// <summary>Plugstack arguments for tests, with secrets that are easy to search for.</summary>
internal static class SiteArguments
{
    public const string ClientId = "client-id-7f3a";
    public const string ClientSecret = "app-secret-Zq9";
    public const string DaEndpoint = "http://127.0.0.1:8290";
    public const string AccessKeyId = "access-key-4b1c";
    public const string SecretAccessKey = "s3-secret-Xy8/+=";
    public const string S3Endpoint = "http://127.0.0.1:9000";
    public const string Bucket = "qrun-bucket";
    public const string Region = "us-east-1";

    public static readonly string[] Secrets = [ClientId, ClientSecret, AccessKeyId, SecretAccessKey];

    public static string[] Valid() =>
        [ClientId, ClientSecret, DaEndpoint, AccessKeyId, SecretAccessKey, S3Endpoint, Bucket, Region];
}
