using System.Globalization;

namespace SpankQrun.Plugin.Core.Configuration;

/// <summary>
/// Every message about the site configuration, for the administrator's slurmd log (the user sees the
/// first one inside <see cref="Messages.ConfigurationBroken"/>). A message names the place (plugstack.conf
/// argument, or file and line) and the key, never a setting's value.
/// </summary>
public static class ConfigurationMessages
{
    private static readonly string PositionalForm =
        string.Create(CultureInfo.InvariantCulture, $"the seed's {SiteSettings.Positional.Count} positional arguments ({SiteSettings.PositionalNames})");

    /// <summary>The plugstack.conf line has no arguments.</summary>
    public static string ArgumentsMissing() =>
        $"the plugstack.conf line for spank_ibm_qrun has no arguments; give key=value settings or {PositionalForm}";

    /// <summary>The positional form with the wrong number of arguments.</summary>
    public static string ArgumentCountWrong(int found) =>
        string.Create(CultureInfo.InvariantCulture,
            $"the plugstack.conf line for spank_ibm_qrun has {found} argument(s); expected {SiteSettings.Positional.Count}: {SiteSettings.PositionalNames} (or key=value settings)");

    /// <summary>Positional and <c>key=value</c> arguments on one line. The positional one is not shown: it may be a secret.</summary>
    public static string FormsMixed(int positional, int keyed, string key) =>
        string.Create(CultureInfo.InvariantCulture,
            $"plugstack.conf argument {positional} is not key=value (keys are lower case) but argument {keyed} ({key}=...) is; write every argument as key=value, or give only {PositionalForm}");

    /// <summary>Where a positional argument is.</summary>
    public static string PositionalOrigin(int position, SiteSetting setting) =>
        string.Create(CultureInfo.InvariantCulture, $"argument {position} ({setting.Name})");

    /// <summary>Where a <c>key=value</c> argument is.</summary>
    public static string KeyedOrigin(int position, string key) =>
        string.Create(CultureInfo.InvariantCulture, $"plugstack.conf argument {position} ({key}=...)");

    /// <summary>Where a line of the secrets file is; the key only when it can be shown.</summary>
    public static string FileOrigin(string path, int line, string? key) =>
        key is null
            ? string.Create(CultureInfo.InvariantCulture, $"{path} line {line}")
            : string.Create(CultureInfo.InvariantCulture, $"{path} line {line} ({key})");

    /// <summary>A key given twice on the plugstack.conf line.</summary>
    public static string KeyRepeated(int position, string key, int first) =>
        string.Create(CultureInfo.InvariantCulture, $"plugstack.conf argument {position}: key '{key}' is repeated (first in argument {first})");

    /// <summary>An unknown key.</summary>
    public static string KeyUnknown(string origin, string key) =>
        $"{origin}: unknown key '{key}'; known keys: {SettingKeys.KnownKeys}";

    /// <summary>A <c>name.key=</c> argument whose name is not a backend name.</summary>
    public static string ScopeNotBackendName(string origin) =>
        $"{origin}: the part before the last '.' must be a backend name (letters, digits, '_', '-', '.')";

    /// <summary>A name in <c>backends=</c> that is not a backend name (plugstack.conf is public: the name may be shown).</summary>
    public static string BackendListInvalidName(int position, string name) =>
        string.Create(CultureInfo.InvariantCulture,
            $"plugstack.conf argument {position} (backends=...): {Messages.Show(name)} is not a backend name (letters, digits, '_', '-', '.', at most {OptionValidator.MaxBackendLength}; names separated by ',' without spaces)");

    /// <summary>A name listed twice in <c>backends=</c>.</summary>
    public static string BackendListRepeatedName(int position, string name) =>
        string.Create(CultureInfo.InvariantCulture, $"plugstack.conf argument {position} (backends=...): '{name}' is listed twice");

    /// <summary><c>secrets=</c> with a relative path (or a control character, which would break log lines that name it).</summary>
    public static string SecretsPathNotAbsolute(int position, string value) =>
        string.Create(CultureInfo.InvariantCulture, $"plugstack.conf argument {position} (secrets=...): {Messages.Show(value)} is not an absolute path without control characters");

    /// <summary><c>gateway=</c> that is not a plain http(s) URL. The value is not shown: it may carry a password.</summary>
    public static string GatewayNotUrl(int position) =>
        string.Create(CultureInfo.InvariantCulture,
            $"plugstack.conf argument {position} (gateway=...) is not an http:// or https:// URL without user name, password, query or fragment, e.g. gateway=http://qrun-gateway.example:8291");

    /// <summary>A site setting on a line (or in a secrets file) that names a gateway.</summary>
    public static string SettingWithGateway(string origin, string key) =>
        $"{origin}: '{key}' is not allowed with gateway=: in gateway mode the site's credentials and endpoints live only in the gateway's configuration, "
        + $"and tasks get only {Variables.IbmQrunVariables.Gateway}, {Variables.IbmQrunVariables.Backend} and {Variables.IbmQrunVariables.Primitive}; remove it from here";

    /// <summary>An empty value.</summary>
    public static string ValueEmpty(string origin) => $"{origin} is empty";

    /// <summary>A value with a control character (a newline would corrupt the task environment).</summary>
    public static string ValueHasControlCharacter(string origin) => $"{origin} contains a control character";

    /// <summary>A value that must be a URL is not one. The value is not shown: it may be a misplaced secret.</summary>
    public static string ValueNotUrl(string origin) => $"{origin} is not an http:// or https:// URL";

    /// <summary>A URL with a user name or password, which would end up in logs.</summary>
    public static string ValueUrlHasCredentials(string origin) =>
        $"{origin} contains a user name or password; give credentials in their own settings";

    /// <summary>A line of the secrets file that is not valid UTF-8.</summary>
    public static string FileLineNotUtf8(string path, int line) =>
        string.Create(CultureInfo.InvariantCulture, $"{path} line {line} is not valid UTF-8");

    /// <summary>A line of the secrets file that is none of the allowed forms. Its text is not shown.</summary>
    public static string FileLineNotUnderstood(string path, int line) =>
        string.Create(CultureInfo.InvariantCulture, $"{path} line {line} is not key=value, [backend], a # comment or blank (its text is not shown)");

    /// <summary><c>backends</c>, <c>secrets</c> or <c>gateway</c> in the secrets file.</summary>
    public static string FileKeyOnlyOnPlugstack(string origin, string key) =>
        $"{origin}: '{key}' belongs on the plugstack.conf line, not in the secrets file";

    /// <summary>A key that cannot be shown (it does not look like a key at all).</summary>
    public static string FileKeyUnreadable(string origin) =>
        $"{origin}: the text before '=' is not a key (keys are lower-case names such as iam_apikey; the text is not shown)";

    /// <summary>A key repeated in one scope of the secrets file.</summary>
    public static string FileKeyRepeated(string origin, string key, string? section, int first) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{origin}: '{key}' is repeated {(section is null ? "among the defaults" : $"in [{section}]")} (first at line {first})");

    /// <summary>A section header that is not <c>[backend]</c>. Its text is not shown.</summary>
    public static string FileSectionInvalid(string path, int line) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{path} line {line}: a section header is [name] with a backend name (letters, digits, '_', '-', '.'); the lines under it are ignored");

    /// <summary>A section given twice.</summary>
    public static string FileSectionRepeated(string path, int line, string name, int first) =>
        string.Create(CultureInfo.InvariantCulture, $"{path} line {line}: section [{name}] is repeated (first at line {first})");

    /// <summary>One setting for one scope written in two places.</summary>
    public static string SetTwice(string first, string second) => $"{second} repeats {first}; keep one of them";

    /// <summary>A per-backend setting on a site that declares no backend list.</summary>
    public static string ScopeWithoutBackendList(string origin, string backend) =>
        $"{origin} is for backend '{backend}', but the plugstack.conf line has no backends= list; per-backend settings need one";

    /// <summary>A per-backend setting for a backend the site does not offer.</summary>
    public static string ScopeNotOffered(string origin, string backend, IReadOnlyList<string> backends) =>
        $"{origin} is for backend '{backend}', which backends= does not list ({string.Join(", ", backends)})";

    /// <summary>A required setting missing for a backend.</summary>
    public static string SettingMissing(string backend, SiteSetting setting) =>
        $"no {setting.Key} for backend '{backend}': set {setting.Key}= for every backend, or for this one ({backend}.{setting.Key}= on the plugstack.conf line or in [{backend}] of the secrets file)";

    /// <summary>No credentials at all for a backend.</summary>
    public static string CredentialsMissing(string backend) =>
        $"no credentials for backend '{backend}': set iam_apikey, service_crn and iam_endpoint (IAM), or appid_client_id and appid_secret (App ID)";

    /// <summary>Part of a credential group.</summary>
    public static string CredentialsIncomplete(string backend, IReadOnlyList<SiteSetting> present, IReadOnlyList<SiteSetting> missing) =>
        $"backend '{backend}' has {string.Join(" and ", present.Select(s => s.Key))} but not {string.Join(" or ", missing.Select(s => s.Key))}";

    /// <summary>The secrets file failed root's checks; the message says what to change, as ssh does for keys.</summary>
    public static string SecretsFileRefused(SecretsFileSnapshot file) => file.Status switch
    {
        SecretsFileStatus.SymbolicLink =>
            $"the secrets file {file.Path} is a symbolic link; name the file itself (a regular file owned by root, mode 0600 or 0400)",
        SecretsFileStatus.NotRegularFile =>
            $"the secrets file {file.Path} is not a regular file",
        SecretsFileStatus.NotOwnedByRoot =>
            string.Create(CultureInfo.InvariantCulture,
                $"the secrets file {file.Path} is owned by uid {file.OwnerUid}, not root; refusing it (chown root:root {file.Path})"),
        SecretsFileStatus.AccessibleByOthers =>
            $"the secrets file {file.Path} has mode {Octal(file.Mode)}: it is readable or writable by group or others; refusing it (chmod 0600 {file.Path})",
        SecretsFileStatus.TooLarge =>
            string.Create(CultureInfo.InvariantCulture, $"the secrets file {file.Path} is larger than {SecretsFileParser.MaxBytes} bytes"),
        SecretsFileStatus.OpenFailed or SecretsFileStatus.ReadFailed =>
            $"the secrets file {file.Path} cannot be read: {file.ErrorText}",
        _ => SecretsFileNotRead(file.Path),
    };

    /// <summary>The secrets file was not read although the line names it (a glue/parser disagreement: a bug).</summary>
    public static string SecretsFileNotRead(string path) => $"the secrets file {path} was not read by slurmstepd";

    private static string Octal(uint mode) => Convert.ToString(mode & 0xFFF, 8).PadLeft(4, '0');
}
