using System.Globalization;
using System.Text;

namespace SpankQrun.Plugin.Core;

/// <summary>
/// Every line the plugin writes for users and administrators. The C glue adds the <c>spank_ibm_qrun: </c>
/// prefix. No error message contains a configuration value (a site argument in the wrong position may be
/// a secret); trace lines show a value only where <see cref="SiteConfigurationParser.IsShownInClear"/>
/// or <see cref="Redaction"/> allow it.
/// </summary>
public static class Messages
{
    private const int MaxShownValueLength = 64;

    /// <summary>An empty <c>--q-backend</c>.</summary>
    public static string BackendEmpty() =>
        "--q-backend needs a backend name, e.g. --q-backend=ibm_torino (letters, digits, '_', '-' or '.', at most 128 characters)";

    /// <summary>A <c>--q-backend</c> longer than allowed.</summary>
    public static string BackendTooLong(string value) =>
        $"--q-backend={Show(value)} is {value.Length} characters long; a backend name has at most {OptionValidator.MaxBackendLength}";

    /// <summary>A <c>--q-backend</c> with a character outside the allowed set.</summary>
    public static string BackendInvalidCharacter(string value, int index) =>
        string.Create(CultureInfo.InvariantCulture,
            $"--q-backend={Show(value)} has {Describe(value[index])} at position {index + 1}; a backend name may contain only letters, digits, '_', '-' and '.'");

    /// <summary>A <c>--q-primitive</c> that is not a primitive.</summary>
    public static string PrimitiveUnknown(string value) =>
        $"--q-primitive={Show(value)} is not a Qiskit primitive; use --q-primitive=sampler or --q-primitive=estimator";

    /// <summary><c>--q-primitive</c> given without <c>--q-backend</c>.</summary>
    public static string PrimitiveWithoutBackend(string primitive) =>
        $"--q-primitive={Show(primitive)} also needs --q-backend=NAME, e.g. --q-backend=ibm_torino";

    /// <summary>The one line a user sees when the site configuration is broken.</summary>
    public static string ConfigurationIncomplete(IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? $"the site configuration is incomplete: {problems[0]}; ask your administrator"
            : string.Create(CultureInfo.InvariantCulture,
                $"the site configuration is incomplete: {problems[0]} (and {problems.Count - 1} more problem(s), listed in the node's slurmd log); ask your administrator");

    /// <summary>One configuration problem, for the administrator's log.</summary>
    public static string ConfigurationProblem(string problem) => $"site configuration: {problem}";

    /// <summary>The plugstack.conf line has no arguments.</summary>
    public static string ArgumentsMissing() =>
        $"the plugstack.conf line for spank_ibm_qrun has no arguments; expected {SiteSettings.Positional.Count}: {SiteSettings.PositionalNames}";

    /// <summary>The plugstack.conf line has the wrong number of arguments.</summary>
    public static string ArgumentCountWrong(int found) =>
        string.Create(CultureInfo.InvariantCulture,
            $"the plugstack.conf line for spank_ibm_qrun has {found} argument(s); expected {SiteSettings.Positional.Count}: {SiteSettings.PositionalNames}");

    /// <summary>A site argument is empty.</summary>
    public static string ArgumentEmpty(int position, SiteSetting setting) =>
        string.Create(CultureInfo.InvariantCulture, $"argument {position} ({setting.Name}) is empty");

    /// <summary>A site URL carries a user name or password, which would be logged. The value is not shown.</summary>
    public static string ArgumentUrlHasCredentials(int position, SiteSetting setting) =>
        string.Create(CultureInfo.InvariantCulture,
            $"argument {position} ({setting.Name}) contains a user name or password; give credentials in their own arguments");

    /// <summary>A site argument that must be a URL is not one. The value is not shown: it may be a misplaced secret.</summary>
    public static string ArgumentNotUrl(int position, SiteSetting setting) =>
        string.Create(CultureInfo.InvariantCulture,
            $"argument {position} ({setting.Name}) is not an http:// or https:// URL");

    /// <summary>Setting a task variable failed.</summary>
    public static string SetEnvironmentFailed(string variable) =>
        $"could not set {variable} in the task environment";

    /// <summary>An unexpected exception inside the plugin (a bug): the type only, never its message.</summary>
    public static string UnexpectedFailure(string operation, Exception exception) =>
        $"internal error in {operation}: {exception.GetType().Name}; please report it to your administrator";

    /// <summary>Trace: entering a callback.</summary>
    public static string TraceEnter(string callback, int argc, bool remote) =>
        string.Create(CultureInfo.InvariantCulture, $"-> {callback} argc={argc} remote={(remote ? 1 : 0)}");

    /// <summary>Trace: leaving a callback.</summary>
    public static string TraceExit(string callback, int rc) =>
        string.Create(CultureInfo.InvariantCulture, $"<- {callback} rc={rc}");

    /// <summary>Trace: one plugstack argument (already masked where needed).</summary>
    public static string TraceArgument(int index, string shown) =>
        string.Create(CultureInfo.InvariantCulture, $"argv[{index}] = [{shown}]");

    /// <summary>Trace: a job item.</summary>
    public static string TraceItem(string name, uint value) =>
        string.Create(CultureInfo.InvariantCulture, $"{name} [{value}]");

    /// <summary>Trace: the options the job asked for.</summary>
    public static string TraceRequest(JobRequest request) =>
        $"requested backend [{request.Backend}] primitive [{request.Primitive ?? "(none)"}]";

    /// <summary>Trace: one variable set (already masked where needed).</summary>
    public static string TraceSetEnvironment(string variable, string shown) => $"setenv {variable}={shown}";

    /// <summary>
    /// Shows a user-supplied value safely inside a log line: quoted, long values cut, and every character
    /// that could disguise the line (controls, format characters such as U+202E, broken surrogates) escaped.
    /// </summary>
    public static string Show(string value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, MaxShownValueLength) + 8);
        builder.Append('\'');
        var shown = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (shown++ == MaxShownValueLength)
            {
                builder.Append("...");
                break;
            }

            if (IsDisguising(rune))
                builder.Append(CultureInfo.InvariantCulture, $"\\u{{{rune.Value:x4}}}");
            else
                builder.Append(rune.ToString());
        }

        builder.Append('\'');
        return builder.ToString();
    }

    private static bool IsDisguising(Rune rune) =>
        Rune.IsControl(rune) || rune == Rune.ReplacementChar
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static string Describe(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format
            ? string.Create(CultureInfo.InvariantCulture, $"the character U+{(int)c:X4}")
            : $"the character '{c}'";
}
