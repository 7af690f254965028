namespace SpankQrun.Variables;

/// <summary>
/// The environment variables through which the SPANK plugin hands a job's tasks what qrun needs.
/// This is the only contract the plugin and qrun share.
/// </summary>
public static class IbmQrunVariables
{
    /// <summary>The backend the job asked for with <c>--q-backend</c>.</summary>
    public const string Backend = "IBMQRUN_BACKEND";

    /// <summary>The primitive the job asked for with <c>--q-primitive</c> (lower case).</summary>
    public const string Primitive = "IBMQRUN_PRIMITIVE";

    /// <summary>
    /// The site gateway's base URL (gateway mode). When set, the task holds no credential of the site and
    /// qrun asks the gateway, which acts for the job, instead of Direct Access and S3.
    /// </summary>
    public const string Gateway = "IBMQRUN_GATEWAY";

    /// <summary>IBM Cloud App ID client id (deprecated authentication).</summary>
    public const string AppIdClientId = "IBMQRUN_APPID_CLIENT_ID";

    /// <summary>IBM Cloud App ID secret (deprecated authentication). Secret.</summary>
    public const string AppIdSecret = "IBMQRUN_APPID_SECRET";

    /// <summary>Direct Access API endpoint URL.</summary>
    public const string DaapiEndpoint = "IBMQRUN_DAAPI_ENDPOINT";

    /// <summary>S3 access key id.</summary>
    public const string AwsAccessKeyId = "IBMQRUN_AWS_ACCESS_KEY_ID";

    /// <summary>S3 secret access key. Secret.</summary>
    public const string AwsSecretAccessKey = "IBMQRUN_AWS_SECRET_ACCESS_KEY";

    /// <summary>S3 endpoint URL.</summary>
    public const string S3Endpoint = "IBMQRUN_S3_ENDPOINT";

    /// <summary>S3 bucket that holds job input, results and logs.</summary>
    public const string S3Bucket = "IBMQRUN_S3_BUCKET";

    /// <summary>S3 region.</summary>
    public const string S3Region = "IBMQRUN_S3_REGION";

    /// <summary>IBM Cloud IAM API key (current authentication). Secret.</summary>
    public const string IamApiKey = "IBMQRUN_IAM_APIKEY";

    /// <summary>The Direct Access service instance CRN, sent with IAM tokens.</summary>
    public const string ServiceCrn = "IBMQRUN_SERVICE_CRN";

    /// <summary>IBM Cloud IAM endpoint URL.</summary>
    public const string IamEndpoint = "IBMQRUN_IAM_ENDPOINT";
}
