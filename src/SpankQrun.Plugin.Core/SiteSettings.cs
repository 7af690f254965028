using SpankQrun.Variables;

namespace SpankQrun.Plugin.Core;

/// <summary>The settings a site configures, in the order of the seed's positional plugstack.conf arguments.</summary>
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

    /// <summary>The seed's eight positional arguments, in order.</summary>
    public static readonly IReadOnlyList<SiteSetting> Positional =
        [AppIdClientId, AppIdSecret, DaapiEndpoint, AwsAccessKeyId, AwsSecretAccessKey, S3Endpoint, S3Bucket, S3Region];

    /// <summary>The positional names, space separated, for messages.</summary>
    public static readonly string PositionalNames = string.Join(' ', Positional.Select(s => s.Name));
}
