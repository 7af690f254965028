namespace SpankQrun.Admin.Check;

/// <summary>
/// Reads plugstack.conf as Slurm does: one plugin per line (<c>optional|required PATH ARGS...</c>) or
/// <c>include GLOB</c>, words split on whitespace without quoting, <c>#</c> starting a comment anywhere.
/// Finds every line that loads spank_ibm_qrun.so.
/// </summary>
internal static class PlugstackFile
{
    /// <summary>The library's file name that marks our line.</summary>
    public const string PluginFileName = "spank_ibm_qrun.so";

    private const int MaxIncludeDepth = 8;
    private const long MaxFileBytes = 1024 * 1024;

    /// <summary>Our lines in <paramref name="path"/> and the files it includes; problems (unreadable files) are added to <paramref name="problems"/>.</summary>
    public static IReadOnlyList<PlugstackLine> Find(string path, List<string> problems)
    {
        var found = new List<PlugstackLine>();
        Read(path, 0, found, problems);
        return found;
    }

    /// <summary>Our line given on the command line (<c>--line</c>), or null with a problem when it is not one.</summary>
    public static PlugstackLine? Parse(string text, string origin, List<string> problems)
    {
        var line = FromWords(Words(text), origin);
        if (line is null)
            problems.Add(AdminMessages.LineNotOurs(origin));
        return line;
    }

    /// <summary>The words Slurm sees on one line: up to the first <c>#</c>, split on whitespace.</summary>
    public static string[] Words(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return (hash < 0 ? line : line[..hash]).Split([' ', '\t', '\r', '\f', '\v'], StringSplitOptions.RemoveEmptyEntries);
    }

    private static PlugstackLine? FromWords(string[] words, string origin) =>
        words.Length >= 2 && words[0] is "optional" or "required" && Path.GetFileName(words[1]) == PluginFileName
            ? new PlugstackLine(origin, words[0], words[1], words[2..])
            : null;

    private static void Read(string path, int depth, List<PlugstackLine> found, List<string> problems)
    {
        string[] lines;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                problems.Add(AdminMessages.PlugstackTooLarge(path, MaxFileBytes));
                return;
            }

            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problems.Add(AdminMessages.PlugstackUnreadable(path, exception.Message));
            return;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var words = Words(lines[i]);
            var origin = AdminMessages.FileLine(path, i + 1);
            if (words is ["include", var pattern, ..])
            {
                if (depth >= MaxIncludeDepth)
                    problems.Add(AdminMessages.IncludeTooDeep(origin, MaxIncludeDepth));
                else
                {
                    foreach (var included in Glob(pattern, Path.GetDirectoryName(path) ?? "/"))
                        Read(included, depth + 1, found, problems);
                }
            }
            else if (FromWords(words, origin) is { } line)
            {
                found.Add(line);
            }
        }
    }

    // Wildcards in the last component only, as the usual `include /etc/slurm/plugstack.conf.d/*.conf`.
    private static IEnumerable<string> Glob(string pattern, string baseDirectory)
    {
        var full = Path.IsPathRooted(pattern) ? pattern : Path.Combine(baseDirectory, pattern);
        var directory = Path.GetDirectoryName(full) ?? "/";
        var name = Path.GetFileName(full);
        if (name.IndexOfAny(['*', '?']) < 0)
            return File.Exists(full) ? [full] : [];
        if (!Directory.Exists(directory))
            return [];
        return Directory.EnumerateFiles(directory, name).Order(StringComparer.Ordinal);
    }
}
