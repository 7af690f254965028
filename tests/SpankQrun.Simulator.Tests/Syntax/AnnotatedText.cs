using SpankQrun.Simulator.Syntax;

namespace SpankQrun.Simulator.Tests.Syntax;

/// <summary>QASM text with the expected diagnostic positions marked by '[' and ']' (as in Minsk's tests); the marks are removed.</summary>
internal sealed record AnnotatedText(string Text, IReadOnlyList<TextSpan> Spans)
{
    public static AnnotatedText Parse(string annotated)
    {
        var text = new System.Text.StringBuilder();
        var spans = new List<TextSpan>();
        var starts = new Stack<int>();
        foreach (var character in annotated)
        {
            switch (character)
            {
                case '[':
                    starts.Push(text.Length);
                    break;
                case ']':
                    var start = starts.Pop();
                    spans.Add(TextSpan.FromBounds(start, text.Length));
                    break;
                default:
                    text.Append(character);
                    break;
            }
        }

        return new AnnotatedText(text.ToString(), spans);
    }
}
