using System.Net.Http.Headers;
using SpankQrun.Gateway.Contract;
using SpankQrun.Munge;

namespace SpankQrun.Qrun.Gateway;

/// <summary>
/// Puts a MUNGE credential made for this exact request on every attempt, never one used before (it sits inside the
/// retry handler: munged refuses a credential decoded twice, so a retry must not reuse one; <c>encode</c> may hand out
/// one made ahead, see <see cref="PreparedCredentials"/>). Counts attempts too.
/// </summary>
internal sealed class MungeAuthenticationHandler(Func<string, string> encode) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<int> Attempts = new("SpankQrun.Gateway.Attempts");

    public static int AttemptsOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Attempts, out var attempts) ? attempts : 0;

    /// <summary>The credential maker qrun uses: the local munged.</summary>
    public static string EncodeWithMunged(string payload) => MungeCredentials.Encode(payload);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.Set(Attempts, AttemptsOf(request) + 1);
        var path = request.RequestUri!.AbsolutePath;
        string credential;
        try
        {
            credential = encode(GatewayAuthentication.Payload(request.Method.Method, path));
        }
        catch (MungeException exception)
        {
            throw new GatewayFailure(ExitCodes.ServiceUnavailable, GatewayMessages.MungeFailed(exception.Message));
        }

        request.Headers.Authorization = new AuthenticationHeaderValue(GatewayAuthentication.Scheme, credential);
        return base.SendAsync(request, cancellationToken);
    }
}
