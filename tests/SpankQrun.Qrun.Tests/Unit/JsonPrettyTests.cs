using System.Text;
using SpankQrun.Qrun.Output;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

public sealed class JsonPrettyTests
{
    [Fact]
    public void Format_CompactDocument_IsIndentedWithTrailingNewline()
    {
        var pretty = Encoding.UTF8.GetString(JsonPretty.Format("{\"a\":[1,2]}"u8.ToArray()));

        Assert.Equal("{\n  \"a\": [\n    1,\n    2\n  ]\n}\n", pretty.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Format_NotJson_Throws()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => JsonPretty.Format("not json"u8.ToArray()));
    }
}
