using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SpankQrun.DirectAccess.Http;

namespace SpankQrun.DirectAccess.Auth;

/// <summary>
/// Exchanges credentials for a bearer token and caches it until 90% of its lifetime has passed.
/// App ID: <c>POST {DA}/v1/token</c> with Basic auth. IAM: <c>POST {IAM}/identity/token</c> with the API key as a form.
/// </summary>
internal sealed class TokenSource(DirectAccessCredentials credentials, Uri directAccessEndpoint, HttpMessageInvoker http, TimeProvider time) : IDisposable
{
    private const string IamGrantType = "urn:ibm:params:oauth:grant-type:apikey";
    private readonly SemaphoreSlim gate = new(1, 1);
    private AccessToken? current;

    public async Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (forceRefresh || current is null || time.GetUtcNow() >= current.RefreshAt)
            {
                current = await FetchAsync(cancellationToken).ConfigureAwait(false);
            }

            return current.Value;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private async Task<AccessToken> FetchAsync(CancellationToken cancellationToken)
    {
        using var request = CreateRequest();
        var url = UrlRedactor.Redact(request.RequestUri);
        var issuedAt = time.GetUtcNow();
        using var response = await ServiceCall.SendAsync(http, request, cancellationToken).ConfigureAwait(false);

        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var error = await ServiceError.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            var what = credentials is IamCredentials ? DirectAccessMessages.IamService : DirectAccessMessages.AppIdService;
            throw new DirectAccessException(
                DirectAccessFailure.Authentication,
                DirectAccessMessages.CredentialsRefused(what, url, (int)response.StatusCode, error.Describe(response.ReasonPhrase)),
                (int)response.StatusCode,
                error.Code);
        }

        if (!response.IsSuccessStatusCode)
        {
            await ServiceCall.ThrowForFailureAsync(response, cancellationToken).ConfigureAwait(false);
        }

        TokenResponse? body;
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            body = JsonSerializer.Deserialize(text, DirectAccessJsonContext.Default.TokenResponse);
        }
        catch (JsonException exception)
        {
            throw new DirectAccessException(DirectAccessFailure.InvalidResponse, DirectAccessMessages.NotJson("POST", url, exception.Message), (int)response.StatusCode);
        }

        if (string.IsNullOrEmpty(body?.AccessToken))
        {
            throw new DirectAccessException(DirectAccessFailure.InvalidResponse, DirectAccessMessages.TokenMissing(url), (int)response.StatusCode);
        }

        return new AccessToken(body.AccessToken, TokenRefreshPolicy.RefreshAt(issuedAt, body.ExpiresIn));
    }

    private HttpRequestMessage CreateRequest()
    {
        switch (credentials)
        {
            case IamCredentials iam:
                return new HttpRequestMessage(HttpMethod.Post, Endpoints.Combine(iam.IamEndpoint, "identity/token"))
                {
                    Content = new FormUrlEncodedContent(
                    [
                        new("grant_type", IamGrantType),
                        new("apikey", iam.ApiKey),
                    ]),
                };
            case AppIdCredentials appId:
                var request = new HttpRequestMessage(HttpMethod.Post, Endpoints.Combine(directAccessEndpoint, "v1/token"));
                var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{appId.ClientId}:{appId.Secret}"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
                return request;
            default:
                throw new ArgumentException(DirectAccessMessages.UnsupportedCredentials(credentials.GetType().Name), nameof(credentials));
        }
    }
}
