using System.Text.Json;
using SpankQrun.DirectAccess.Auth;
using SpankQrun.DirectAccess.Jobs;

namespace SpankQrun.DirectAccess.Http;

/// <summary>Reads the code and message out of a failed response, whichever error shape the service used.</summary>
internal sealed record ServiceError
{
    /// <summary>Both parts pass through <see cref="UrlRedactor"/>: services quote the presigned URLs they were given.</summary>
    public ServiceError(string? code, string? message)
    {
        Code = code is null ? null : UrlRedactor.Redact(code);
        Message = message is null ? null : UrlRedactor.Redact(message);
    }

    public string? Code { get; }

    public string? Message { get; }

    private const int MaxBodyChars = 300;

    public string Describe(string? fallback) => DirectAccessMessages.Reason(Code, Message, fallback);

    public static async Task<ServiceError> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return new ServiceError(null, response.ReasonPhrase);
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return new ServiceError(null, response.ReasonPhrase);
        }

        try
        {
            if (JsonSerializer.Deserialize(body, DirectAccessJsonContext.Default.ErrorResponse) is { Errors: [var first, ..] })
            {
                return new ServiceError(JsonValueText.Of(first.Code), first.Message);
            }

            if (JsonSerializer.Deserialize(body, DirectAccessJsonContext.Default.IamErrorResponse) is { ErrorMessage: not null } iam)
            {
                return new ServiceError(iam.ErrorCode, iam.ErrorMessage);
            }

            if (JsonSerializer.Deserialize(body, DirectAccessJsonContext.Default.ErrorResponse) is { Title: not null } titled)
            {
                return new ServiceError(null, titled.Title);
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through and quote the body.
        }

        var text = body.Length > MaxBodyChars ? body[..MaxBodyChars] + "..." : body;
        return new ServiceError(null, text.Trim());
    }
}
