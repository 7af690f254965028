namespace SpankQrun.DirectAccess.Auth;

/// <summary>IBM Cloud App ID client credentials (deprecated): exchanged at <c>POST {DA}/v1/token</c>.</summary>
public sealed record AppIdCredentials(string ClientId, string Secret) : DirectAccessCredentials
{
    /// <inheritdoc />
    public override string ToString() => $"AppIdCredentials {{ ClientId = {ClientId} }}";
}
