namespace SpankQrun.Simulator.Syntax;

/// <summary>The QASM text with its line starts, to turn positions into 1-based line and column numbers.</summary>
internal sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string text)
    {
        Text = text;
        _lineStarts = new int[text.AsSpan().Count('\n') + 1];
        var line = 1;
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            _lineStarts[line++] = i + 1;
        }
    }

    public string Text { get; }

    public int Length => Text.Length;

    public char this[int index] => Text[index];

    public (int Line, int Column) GetLineAndColumn(int position)
    {
        var index = Array.BinarySearch(_lineStarts, position);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, position - _lineStarts[line] + 1);
    }

    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);
}
