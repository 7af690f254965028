using System.Globalization;
using System.Text;

namespace SpankQrun.Plugin.Core;

/// <summary>
/// Every line the plugin writes for users and administrators. The C glue adds the <c>spank_ibm_qrun: </c>
/// prefix. Messages about the site configuration are in <see cref="Configuration.ConfigurationMessages"/>;
/// none contains a setting's value. Trace lines show a value only where
/// <see cref="Configuration.PlugstackParser.Shown"/> or <see cref="Redaction"/> allow it.
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

    /// <summary>A backend the site does not offer (the user's own mistake: no "ask your administrator").</summary>
    public static string BackendNotOffered(string backend, IReadOnlyList<string> offered) =>
        $"unknown backend {Show(backend)}; available: {string.Join(", ", offered)}";

    /// <summary>The one line a user sees when the site configuration cannot serve the job.</summary>
    public static string ConfigurationBroken(IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? $"the site configuration is broken: {problems[0]}; ask your administrator"
            : string.Create(CultureInfo.InvariantCulture,
                $"the site configuration is broken: {problems[0]} (and {problems.Count - 1} more problem(s), listed in the node's slurmd log); ask your administrator");

    /// <summary>One configuration problem, for the administrator's log.</summary>
    public static string ConfigurationProblem(string problem) => $"site configuration: {problem}";

    /// <summary>Setting a task variable failed.</summary>
    public static string SetEnvironmentFailed(string variable) =>
        $"could not set {variable} in the task environment";

    /// <summary>Removing a task variable failed.</summary>
    public static string UnsetEnvironmentFailed(string variable) =>
        $"could not remove {variable} from the task environment";

    /// <summary>Tasks after the first of a step whose configuration failed: the first one reported it.</summary>
    public static string FailedAsReportedByFirstTask() =>
        "this task cannot get its IBMQRUN_* environment; the step's first task reported why";

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

    /// <summary>Trace: a variable the backend does not configure, removed so that an inherited value cannot mix in.</summary>
    public static string TraceUnsetEnvironment(string variable) => $"unsetenv {variable} (not configured for this backend)";

    /// <summary>Trace: the secrets file was read.</summary>
    public static string TraceSecretsFile(string path, int bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"read the secrets file {path} ({bytes} bytes) as root");

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
