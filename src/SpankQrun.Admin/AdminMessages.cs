using System.Globalization;

namespace SpankQrun.Admin;

/// <summary>Every line qrun-admin prints. None contains a secret: values of secret settings are never passed in.</summary>
internal static class AdminMessages
{
    public const string Prefix = "qrun-admin: ";

    public const string CommandDescription = "Administration of spank-qrun: checks the SPANK plugin's site configuration.";

    public const string CheckDescription =
        "Checks the spank_ibm_qrun line of plugstack.conf and its secrets file with the plugin's own parser; with --online, also reaches Direct Access and S3 for each backend.";

    public const string PlugstackOptionHelp = "plugstack.conf to read (its include lines are followed) [default: /etc/slurm/plugstack.conf]";

    public const string LineOptionHelp = "check this plugstack line instead of reading plugstack.conf, e.g. 'optional /usr/lib64/slurm/spank_ibm_qrun.so secrets=... daapi_endpoint=...'";

    public const string BackendOptionHelp = "check only this backend (repeatable); a line without backends= is checked as this backend";

    public const string OnlineOptionHelp = "also fetch a token, list the service's backends and write, read and delete an S3 object, for each backend (run as root on a node)";

    public const string TimeoutOptionHelp = "bound on each backend's online check, in seconds (1 to 600) [default: 30]";

    /// <summary>The name a line without <c>backends=</c> is checked as when no <c>--backend</c> is given.</summary>
    public const string AnyBackendName = "any_backend";

    public static string FileLine(string path, int line) => string.Create(CultureInfo.InvariantCulture, $"{path} line {line}");

    public static string PlugstackUnreadable(string path, string reason) => $"cannot read {path}: {reason}";

    public static string PlugstackTooLarge(string path, long max) =>
        string.Create(CultureInfo.InvariantCulture, $"{path} is larger than {max} bytes; is it really plugstack.conf?");

    public static string IncludeTooDeep(string origin, int depth) =>
        string.Create(CultureInfo.InvariantCulture, $"{origin}: includes nest deeper than {depth} levels; not followed");

    public static string LineNotOurs(string origin) =>
        $"{origin} is not a line that loads spank_ibm_qrun.so (expected: optional|required PATH/spank_ibm_qrun.so ARGUMENTS...)";

    public static string NoLine(string path) =>
        $"no line of {path} (or of the files it includes) loads spank_ibm_qrun.so; nothing to check (give the line with --line)";

    public static string SeveralLines(IReadOnlyList<string> origins) =>
        string.Create(CultureInfo.InvariantCulture,
            $"spank_ibm_qrun.so is loaded by {origins.Count} lines ({string.Join(", ", origins)}); Slurm would register its options twice and refuse the plugin stack: keep one");

    public static string LineFound(string origin, string kind, string path, string shownArguments) =>
        $"plugstack: {origin}: {kind} {path} {shownArguments}".TrimEnd();

    public static string PluginMissing(string path) =>
        $"the plugin {path} does not exist on this node: install it (or fix the path): sbatch, srun and slurmstepd cannot load it";

    public static string PluginRelative(string path) =>
        $"plugin: {path} is relative: Slurm looks for it in its PluginDir; its version is not checked";

    public static string PluginVersion(string path, string? version) =>
        version is null ? $"plugin: {path}: no version string (a release before versions were recorded?)" : $"plugin: {path}: {version}";

    public static string VersionDiffers(string plugin, string own) =>
        $"warning: the installed plugin is {plugin}, this qrun-admin is {own}: the check follows this qrun-admin's rules; install both from the same release";

    public static string SecretsFound(string path, uint owner, uint mode, int bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"secrets: {path}: owner uid {owner}, mode {Convert.ToString(mode & 0xFFF, 8).PadLeft(4, '0')}, {bytes} bytes, read as root would");

    public static string SecretsNeedRoot(string path, uint uid) =>
        string.Create(CultureInfo.InvariantCulture,
            $"the secrets file {path} cannot be read by uid {uid}: only root can (as slurmstepd does); run qrun-admin check as root to check it and the backends' settings");

    public static string NoBackendList(string name) =>
        $"the line has no backends= list: every backend name is accepted and gets the same settings; checked as backend '{name}'";

    public static string BackendReady(string backend, string authentication, string endpoint, string bucket) =>
        $"backend {backend}: ready ({authentication}; Direct Access {endpoint}; S3 bucket {bucket})";

    public static string Problem(string problem) => $"{Prefix}error: site configuration: {problem}";

    public static string Error(string message) => $"{Prefix}error: {message}";

    public static string Summary(int problems) =>
        problems == 0
            ? "ok: jobs that ask for these backends get their IBMQRUN_* environment"
            : string.Create(CultureInfo.InvariantCulture, $"{problems} problem(s): jobs that ask for a backend fail at launch with the first one");

    public static string IncompleteSummary() => "incomplete: the line is fine, the secrets file and the backends were not checked";

    public static string TimeoutInvalid(string text) => $"--timeout '{text}' is not a number of seconds from 1 to 600";

    public static string Token(string backend, string authentication) => $"backend {backend}: token: ok ({authentication})";

    public static string ServiceBackends(string backend, string list) => $"backend {backend}: the service offers {list}";

    public static string ServiceBackend(string name, string? status, string? message) =>
        message is null ? $"{name} ({status ?? "no status"})" : $"{name} ({status ?? "no status"}: {message})";

    public static string NotOfferedByService(string backend, string endpoint) =>
        $"backend {backend}: the service at {endpoint} does not offer '{backend}'; jobs for it would be refused";

    public static string NotOnline(string backend, string? status) =>
        $"warning: backend {backend}: the service reports it {status ?? "without a status"}; jobs wait until it is online";

    public static string Storage(string backend, string bucket, string endpoint, string key) =>
        $"backend {backend}: S3: wrote, read back and deleted {key} in bucket {bucket} at {endpoint}: ok";

    public static string StorageMismatch(string backend, string key) =>
        $"backend {backend}: S3: {key} read back differs from what was written";

    public static string StorageNotDeleted(string backend, string key) =>
        $"backend {backend}: S3: {key} is still there after DELETE";

    public static string OnlineFailed(string backend, string step, string reason) => $"backend {backend}: {step}: {reason}";

    public static string OnlineTimedOut(string backend, string step, double seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"backend {backend}: {step}: no answer within {seconds:0.#} s (--timeout)");

    public static string OnlineSummary(int failed) =>
        failed == 0 ? "online: ok" : string.Create(CultureInfo.InvariantCulture, $"online: {failed} backend(s) failed");

    public static string InternalError(string type, string message) => $"{Prefix}internal error ({type}): {message}";
}
