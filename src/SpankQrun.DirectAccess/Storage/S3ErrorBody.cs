using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SpankQrun.DirectAccess.Storage;

/// <summary>
/// The <c>Code</c> and <c>Message</c> of an S3 error answer (<c>&lt;Error&gt;&lt;Code&gt;NoSuchBucket&lt;/Code&gt;…</c>),
/// read from at most a bounded prefix of the body; nulls for what the body does not hold.
/// </summary>
internal static partial class S3ErrorBody
{
    public static async Task<(string? Code, string? Message)> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var prefix = new byte[maxBytes];
        var length = 0;
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            int read;
            while (length < maxBytes && (read = await stream.ReadAsync(prefix.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            // What arrived before the connection broke is still worth reading.
        }

        return Parse(Encoding.UTF8.GetString(prefix, 0, length));
    }

    internal static (string? Code, string? Message) Parse(string body) =>
        (Text(CodeElement().Match(body)), Text(MessageElement().Match(body)));

    private static string? Text(Match match) =>
        match.Success ? WebUtility.HtmlDecode(match.Groups["text"].Value).Trim() : null;

    [GeneratedRegex("<Code>(?<text>[^<]{1,200})</Code>")]
    private static partial Regex CodeElement();

    [GeneratedRegex("<Message>(?<text>[^<]{1,1000})</Message>")]
    private static partial Regex MessageElement();
}
