using System.Net;

namespace SpankQrun.DirectAccess.Http;

/// <summary>Sends one request through a resilient client and turns every failure into a <see cref="DirectAccessException"/>.</summary>
internal static class ServiceCall
{
    public static async Task<HttpResponseMessage> SendAsync(HttpMessageInvoker client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var url = UrlRedactor.Redact(request.RequestUri);
        try
        {
            return await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (NoAnswer.Is(exception))
        {
            throw new DirectAccessException(DirectAccessFailure.Unreachable, DirectAccessMessages.Unreachable(method, url, FailureDescription.Of(exception)), innerException: null);
        }
    }

    /// <summary>Throws the right <see cref="DirectAccessException"/> for a response that is not a success.</summary>
    public static async Task ThrowForFailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var request = response.RequestMessage;
        var method = request?.Method.Method ?? "?";
        var url = UrlRedactor.Redact(request?.RequestUri);
        var status = (int)response.StatusCode;
        var error = await ServiceError.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        var reason = error.Describe(response.ReasonPhrase);

        if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
        {
            throw new DirectAccessException(DirectAccessFailure.Unreachable, DirectAccessMessages.StillFailing(method, url, status, reason), status, error.Code);
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new DirectAccessException(DirectAccessFailure.Authentication, DirectAccessMessages.TokenRejected(method, url, status, reason), status, error.Code);
        }

        throw new DirectAccessException(DirectAccessFailure.Refused, DirectAccessMessages.Refused(method, url, status, reason), status, error.Code);
    }

}
