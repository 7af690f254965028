using SpankQrun.DirectAccess.Storage;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

/// <summary>The error code and message of an S3 error answer, from untrusted bytes.</summary>
public sealed class S3ErrorBodyTests
{
    [Fact]
    public void ErrorDocument_GivesCodeAndDecodedMessage() =>
        Assert.Equal(
            ("NoSuchBucket", "The bucket <b> & co does not exist"),
            S3ErrorBody.Parse("""<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchBucket</Code><Message>The bucket &lt;b&gt; &amp; co does not exist</Message><Resource>/b</Resource></Error>"""));

    [Theory]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("<Error><Code></Code></Error>")]
    [InlineData("<Error><Code>unterminated")]
    public void AnythingElse_GivesNulls(string body) => Assert.Equal((null, null), S3ErrorBody.Parse(body));

    [Fact]
    public void HugeCode_IsNotTaken() =>
        Assert.Null(S3ErrorBody.Parse("<Code>" + new string('A', 5000) + "</Code>").Code);
}
