using SpankQrun.Simulator.Syntax;

namespace SpankQrun.Simulator.Tests.Syntax;

public sealed class SourceTextTests
{
    [Fact]
    public void GetLineAndColumn_WithAHint_AgreesWithTheSearch_ForwardsBackwardsAndFarAhead()
    {
        var text = new SourceText("a;\n\n\nbc;\nd\n" + string.Concat(Enumerable.Repeat("x;\n", 50)) + "end");
        var hint = 0;
        var positions = Enumerable.Range(0, text.Length).Concat(Enumerable.Range(0, text.Length).Reverse()).Concat([text.Length - 1, 0, 9, 150, 3]);
        foreach (var position in positions)
        {
            Assert.Equal(text.GetLineAndColumn(position), text.GetLineAndColumn(position, ref hint));
            Assert.Equal(text.GetLineAndColumn(position).Line - 1, hint);
        }
    }
}
