using System.CommandLine;
using System.CommandLine.Parsing;

namespace SpankQrun.Qrun.Cli;

/// <summary>
/// Turns System.CommandLine's parse errors into qrun's own: one line per problem, naming the option or argument and
/// the fix, with no help text (that is for --help).
/// </summary>
internal static class UsageErrors
{
    public static IReadOnlyList<string> Describe(ParseResult parseResult, QrunOptions options)
    {
        var known = options.All.SelectMany(option => option.Aliases.Prepend(option.Name)).Concat(["--help", "-h", "--version", "-V"]).ToList();
        var lines = new List<string>();
        var inputTokens = parseResult.GetResult(options.Input)?.Tokens.Select(token => token.Value) ?? [];
        var stray = inputTokens.Concat(parseResult.UnmatchedTokens).ToList();

        foreach (var token in stray.Where(LooksLikeOption))
        {
            var name = token.Split('=', 2)[0];
            lines.Add(QrunMessages.UnknownOption(name, Closest(name, known), QrunMessages.OptionSummary));
        }

        var arguments = stray.Where(token => !LooksLikeOption(token)).ToList();
        // After an unknown option, the next word is probably its value, not a second INPUT.
        if (arguments.Count > 1 && lines.Count == 0)
        {
            lines.Add(QrunMessages.TooManyInputs(arguments));
        }

        foreach (var error in parseResult.Errors)
        {
            var line = error.SymbolResult switch
            {
                OptionResult { Option: VersionOption } => QrunMessages.VersionAlone,
                // Our parsers' own messages already name the option and the fix.
                ArgumentResult { Parent: OptionResult } or OptionResult when error.Message.StartsWith("--", StringComparison.Ordinal) => error.Message,
                OptionResult { Option: var option } when option == options.Results => QrunMessages.OptionNeedsValue("--results", "FILE"),
                OptionResult { Option: var option } when option.Name is "--timeout" or "--http-timeout" => QrunMessages.OptionNeedsValue(option.Name, "SECONDS"),
                OptionResult { Option: var option } when option == options.LogLevel => QrunMessages.OptionNeedsValue("--log-level", "LEVEL"),
                // Unmatched tokens are described above, once each.
                _ when stray.Count > 0 && lines.Count > 0 => null,
                _ => QrunMessages.UsageFallback(error.Message.TrimEnd('.')),
            };
            if (line is not null && !lines.Contains(line))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && !char.IsAsciiDigit(token[1]) && token != "--";

    /// <summary>The known option nearest to <paramref name="name"/> when it is probably a typo (edit distance ≤ 2), else null.</summary>
    internal static string? Closest(string name, IEnumerable<string> known)
    {
        var best = known.Where(k => k.Length > 2).Select(k => (Option: k, Distance: Distance(name, k))).MinBy(pair => pair.Distance);
        return best.Option is not null && best.Distance <= 2 ? best.Option : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
