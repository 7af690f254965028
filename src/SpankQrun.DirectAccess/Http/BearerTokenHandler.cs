using System.Net;
using System.Net.Http.Headers;
using SpankQrun.DirectAccess.Auth;

namespace SpankQrun.DirectAccess.Http;

/// <summary>
/// Adds <c>Authorization: Bearer</c> (and <c>Service-CRN</c> for IAM) to every call; after a 401 it fetches
/// a fresh token and sends once more, as the contract asks.
/// </summary>
internal sealed class BearerTokenHandler(TokenSource tokens, string? serviceCrn) : DelegatingHandler
{
    private const string ServiceCrnHeader = "Service-CRN";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (serviceCrn is not null)
        {
            request.Headers.Remove(ServiceCrnHeader);
            request.Headers.TryAddWithoutValidation(ServiceCrnHeader, serviceCrn);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(false, cancellationToken).ConfigureAwait(false));
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(true, cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
