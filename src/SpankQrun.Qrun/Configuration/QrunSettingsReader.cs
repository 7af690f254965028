using SpankQrun.DirectAccess.Auth;
using SpankQrun.DirectAccess.Storage;
using SpankQrun.Primitives;
using SpankQrun.Variables;

namespace SpankQrun.Qrun.Configuration;

/// <summary>Reads and checks the IBMQRUN_* variables the SPANK plugin sets; collects every problem, not just the first.</summary>
internal static class QrunSettingsReader
{
    public static QrunSettings? Read(Func<string, string?> environment, List<string> errors)
    {
        string? Required(string name)
        {
            var value = environment(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(QrunMessages.VariableMissing(name));
                return null;
            }

            return value.Trim();
        }

        Uri? RequiredUrl(string name)
        {
            var value = Required(name);
            if (value is null)
            {
                return null;
            }

            if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return uri;
            }

            errors.Add(QrunMessages.VariableNotUrl(name, value));
            return null;
        }

        var backend = Required(IbmQrunVariables.Backend);
        var primitiveText = Required(IbmQrunVariables.Primitive);
        PrimitiveKind primitive = default;
        if (primitiveText is not null && !PrimitiveKinds.TryParse(primitiveText, out primitive))
        {
            errors.Add(QrunMessages.PrimitiveInvalid(primitiveText));
        }

        var endpoint = RequiredUrl(IbmQrunVariables.DaapiEndpoint);
        var credentials = ReadCredentials(environment, errors, Required, RequiredUrl);
        var s3Endpoint = RequiredUrl(IbmQrunVariables.S3Endpoint);
        var bucket = Required(IbmQrunVariables.S3Bucket);
        var region = Required(IbmQrunVariables.S3Region);
        var accessKey = Required(IbmQrunVariables.AwsAccessKeyId);
        var secretKey = Required(IbmQrunVariables.AwsSecretAccessKey);

        if (errors.Count > 0)
        {
            return null;
        }

        return new QrunSettings(
            backend!,
            primitive,
            endpoint!,
            credentials!,
            new S3StorageOptions(s3Endpoint!, region!, bucket!, accessKey!, secretKey!));
    }

    private static DirectAccessCredentials? ReadCredentials(
        Func<string, string?> environment,
        List<string> errors,
        Func<string, string?> required,
        Func<string, Uri?> requiredUrl)
    {
        bool IsSet(string name) => !string.IsNullOrWhiteSpace(environment(name));

        if (IsSet(IbmQrunVariables.IamApiKey))
        {
            var apiKey = required(IbmQrunVariables.IamApiKey);
            var crn = required(IbmQrunVariables.ServiceCrn);
            var iamEndpoint = requiredUrl(IbmQrunVariables.IamEndpoint);
            return apiKey is null || crn is null || iamEndpoint is null ? null : new IamCredentials(apiKey, crn, iamEndpoint);
        }

        if (IsSet(IbmQrunVariables.AppIdClientId) || IsSet(IbmQrunVariables.AppIdSecret))
        {
            var clientId = required(IbmQrunVariables.AppIdClientId);
            var secret = required(IbmQrunVariables.AppIdSecret);
            return clientId is null || secret is null ? null : new AppIdCredentials(clientId, secret);
        }

        errors.Add(QrunMessages.CredentialsMissing());
        return null;
    }
}
