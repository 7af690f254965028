using System.Diagnostics.CodeAnalysis;
using SpankQrun.Variables;

namespace SpankQrun.Plugin.Core.Configuration;

/// <summary>The settings a site configures.</summary>
public static class SiteSettings
{
    /// <summary>App ID client id (masked: it identifies the site's account).</summary>
    public static readonly SiteSetting AppIdClientId = new("APPID_CLIENT_ID", IbmQrunVariables.AppIdClientId, IsSecret: true, IsUrl: false);

    /// <summary>App ID secret.</summary>
    public static readonly SiteSetting AppIdSecret = new("APPID_SECRET", IbmQrunVariables.AppIdSecret, IsSecret: true, IsUrl: false);

    /// <summary>Direct Access API endpoint.</summary>
    public static readonly SiteSetting DaapiEndpoint = new("DAAPI_ENDPOINT", IbmQrunVariables.DaapiEndpoint, IsSecret: false, IsUrl: true);

    /// <summary>S3 access key id (masked: it identifies the site's account).</summary>
    public static readonly SiteSetting AwsAccessKeyId = new("AWS_ACCESS_KEY_ID", IbmQrunVariables.AwsAccessKeyId, IsSecret: true, IsUrl: false);

    /// <summary>S3 secret access key.</summary>
    public static readonly SiteSetting AwsSecretAccessKey = new("AWS_SECRET_ACCESS_KEY", IbmQrunVariables.AwsSecretAccessKey, IsSecret: true, IsUrl: false);

    /// <summary>S3 endpoint.</summary>
    public static readonly SiteSetting S3Endpoint = new("S3_ENDPOINT", IbmQrunVariables.S3Endpoint, IsSecret: false, IsUrl: true);

    /// <summary>S3 bucket.</summary>
    public static readonly SiteSetting S3Bucket = new("S3_BUCKET", IbmQrunVariables.S3Bucket, IsSecret: false, IsUrl: false);

    /// <summary>S3 region.</summary>
    public static readonly SiteSetting S3Region = new("S3_REGION", IbmQrunVariables.S3Region, IsSecret: false, IsUrl: false);

    /// <summary>IBM Cloud IAM API key.</summary>
    public static readonly SiteSetting IamApiKey = new("IAM_APIKEY", IbmQrunVariables.IamApiKey, IsSecret: true, IsUrl: false);

    /// <summary>The Direct Access service instance's CRN (sent with IAM tokens; public).</summary>
    public static readonly SiteSetting ServiceCrn = new("SERVICE_CRN", IbmQrunVariables.ServiceCrn, IsSecret: false, IsUrl: false);

    /// <summary>IBM Cloud IAM endpoint.</summary>
    public static readonly SiteSetting IamEndpoint = new("IAM_ENDPOINT", IbmQrunVariables.IamEndpoint, IsSecret: false, IsUrl: true);

    /// <summary>The seed's eight positional arguments, in order.</summary>
    public static readonly IReadOnlyList<SiteSetting> Positional =
        [AppIdClientId, AppIdSecret, DaapiEndpoint, AwsAccessKeyId, AwsSecretAccessKey, S3Endpoint, S3Bucket, S3Region];

    /// <summary>Every setting, in the order tasks receive them (the seed's first).</summary>
    public static readonly IReadOnlyList<SiteSetting> All = [.. Positional, IamApiKey, ServiceCrn, IamEndpoint];

    /// <summary>The settings a backend cannot do without, whatever its authentication.</summary>
    public static readonly IReadOnlyList<SiteSetting> Required = [DaapiEndpoint, AwsAccessKeyId, AwsSecretAccessKey, S3Endpoint, S3Bucket, S3Region];

    /// <summary>The App ID pair (deprecated authentication).</summary>
    public static readonly IReadOnlyList<SiteSetting> AppIdAuthentication = [AppIdClientId, AppIdSecret];

    /// <summary>What IAM authentication needs (qrun requires all three).</summary>
    public static readonly IReadOnlyList<SiteSetting> IamAuthentication = [IamApiKey, ServiceCrn, IamEndpoint];

    /// <summary>The positional names, space separated, for messages.</summary>
    public static readonly string PositionalNames = string.Join(' ', Positional.Select(s => s.Name));

    /// <summary>The setting whose key is <paramref name="key"/> (exact, lower case).</summary>
    public static bool TryFind(string key, [NotNullWhen(true)] out SiteSetting? setting)
    {
        setting = All.FirstOrDefault(s => s.Key == key);
        return setting is not null;
    }
}
