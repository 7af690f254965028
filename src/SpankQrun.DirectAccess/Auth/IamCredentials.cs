namespace SpankQrun.DirectAccess.Auth;

/// <summary>IBM Cloud IAM API key: exchanged at <c>POST {IamEndpoint}/identity/token</c>; the CRN goes with every call.</summary>
public sealed record IamCredentials(string ApiKey, string ServiceCrn, Uri IamEndpoint) : DirectAccessCredentials
{
    /// <inheritdoc />
    public override string ToString() => $"IamCredentials {{ ServiceCrn = {ServiceCrn}, IamEndpoint = {IamEndpoint} }}";
}
