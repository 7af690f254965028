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

    /// <summary>
    /// <see cref="GetLineAndColumn(int)"/> looking first at the few lines from <paramref name="lineHint"/> on (0-based, from
    /// an earlier call, updated): positions that grow step by step cost no search.
    /// </summary>
    public (int Line, int Column) GetLineAndColumn(int position, ref int lineHint)
    {
        var line = lineHint;
        if ((uint)line < (uint)_lineStarts.Length && _lineStarts[line] <= position)
        {
            for (var step = 0; step < 4; step++, line++)
            {
                if (line + 1 == _lineStarts.Length || _lineStarts[line + 1] > position)
                {
                    lineHint = line;
                    return (line + 1, position - _lineStarts[line] + 1);
                }
            }
        }

        var result = GetLineAndColumn(position);
        lineHint = result.Line - 1;
        return result;
    }

    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);
}
