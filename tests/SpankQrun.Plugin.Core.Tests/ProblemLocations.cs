using System.Text.RegularExpressions;

namespace SpankQrun.Plugin.Core.Tests;

/// <summary>Whether a configuration problem says where it is.</summary>
internal static partial class ProblemLocations
{
    /// <summary>A problem of the plugstack.conf line: an argument number, or the line's count messages.</summary>
    public static bool NamesPlugstackPlace(string problem) => PlugstackPlace().IsMatch(problem);

    /// <summary>A problem of the secrets file: its path and a line number.</summary>
    public static bool NamesFileLine(string problem, string path) =>
        problem.StartsWith($"{path} line ", StringComparison.Ordinal) && FileLineNumber().IsMatch(problem[(path.Length + 6)..]);

    /// <summary>The secrets file as a whole (root refused it, or did not read it) or the backend whose settings are incomplete.</summary>
    public static bool NamesFileOrBackend(string problem) =>
        problem.StartsWith("the secrets file /", StringComparison.Ordinal) || BackendPlace().IsMatch(problem);

    [GeneratedRegex(@"^(argument [1-9][0-9]* \([A-Z0-9_]+\) |plugstack\.conf argument [1-9][0-9]*[ :]|the plugstack\.conf line for spank_ibm_qrun has )")]
    private static partial Regex PlugstackPlace();

    [GeneratedRegex(@"^[1-9][0-9]*( |:|$)")]
    private static partial Regex FileLineNumber();

    [GeneratedRegex(@"^(no [a-z0-9_]+ for backend '|no credentials for backend '|backend ')")]
    private static partial Regex BackendPlace();
}
