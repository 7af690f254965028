using SpankQrun.DirectAccess.Http;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

public sealed class UrlRedactorTests
{
    [Fact]
    public void Redact_PresignedUrlInText_RemovesQueryString()
    {
        var text = "PUT http://127.0.0.1:9000/bucket/results_1.json?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc123 failed";

        var redacted = UrlRedactor.Redact(text);

        Assert.Equal("PUT http://127.0.0.1:9000/bucket/results_1.json?<redacted> failed", redacted);
    }

    [Fact]
    public void Redact_SeveralUrls_RedactsEach()
    {
        var redacted = UrlRedactor.Redact("a https://h/x?sig=1 b http://h/y?sig=2");

        Assert.Equal("a https://h/x?<redacted> b http://h/y?<redacted>", redacted);
    }

    [Fact]
    public void Redact_UserInfo_IsRemoved()
    {
        Assert.Equal("see http://host:1/p", UrlRedactor.Redact("see http://user:secret@host:1/p"));
    }

    [Fact]
    public void Redact_UrlWithoutQuery_IsUnchanged()
    {
        Assert.Equal("GET http://127.0.0.1:8290/v1/jobs", UrlRedactor.Redact("GET http://127.0.0.1:8290/v1/jobs"));
    }

    [Fact]
    public void Redact_Uri_KeepsSchemeHostAndPathOnly()
    {
        var uri = new Uri("http://user:pw@127.0.0.1:9000/b/k.json?X-Amz-Signature=s#frag");

        Assert.Equal("http://127.0.0.1:9000/b/k.json", UrlRedactor.Redact(uri));
    }

    [Fact]
    public void Redact_QuotedUrl_StopsAtQuote()
    {
        Assert.Equal("\"http://h/p?<redacted>\" end", UrlRedactor.Redact("\"http://h/p?a=b\" end"));
    }
}
