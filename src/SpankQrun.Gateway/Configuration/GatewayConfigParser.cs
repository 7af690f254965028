using System.Globalization;
using System.Text;
using SpankQrun.DirectAccess;
using SpankQrun.DirectAccess.Auth;
using SpankQrun.DirectAccess.Http;
using SpankQrun.DirectAccess.Storage;
using SpankQrun.Plugin.Core;
using SpankQrun.Plugin.Core.Configuration;

namespace SpankQrun.Gateway.Configuration;

/// <summary>
/// Parses the configuration file: the gateway's own keys (before any <c>[backend]</c> section), then the
/// plugin's secrets-file format (same keys, same sections, same messages) for the Direct Access and S3 settings.
/// </summary>
public static class GatewayConfigParser
{
    /// <summary>Reads and checks <paramref name="path"/> (ownership and mode rules included).</summary>
    public static GatewaySettings Load(string path, uint requiredOwner = 0) => Parse(path, SecureConfigFile.Read(path, requiredOwner));

    /// <summary>Parses <paramref name="content"/>; throws with every problem found.</summary>
    public static GatewaySettings Parse(string path, ReadOnlySpan<byte> content)
    {
        var problems = new List<string>();
        var own = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        var remaining = SplitOwnKeys(path, content, own, problems);
        var entries = SecretsFileParser.Parse(path, remaining, problems);

        var backends = ReadBackendList(path, own, problems);
        BackendResolver.CheckScopes(entries, backends, problems);
        var resolved = new Dictionary<string, GatewayBackend>(StringComparer.Ordinal);
        if (backends is not null && problems.Count == 0)
        {
            foreach (var name in backends)
            {
                var settings = BackendResolver.Resolve(entries, name, problems);
                if (settings is not null && ToBackend(name, settings, problems) is { } backend)
                    resolved[name] = backend;
            }
        }

        var result = new GatewaySettings { Backends = resolved };
        result = ApplyOwnKeys(path, own, result, problems);
        if (problems.Count > 0)
            throw new GatewayConfigurationException(GatewayMessages.ConfigRefused(path, problems));
        return result;
    }

    private static byte[] SplitOwnKeys(string path, ReadOnlySpan<byte> content, Dictionary<string, (string, int)> own, List<string> problems)
    {
        var output = new StringBuilder();
        var text = Encoding.UTF8.GetString(content);
        var inSection = false;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.StartsWith('['))
                inSection = true;
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var key = equals > 0 ? line[..equals].TrimEnd() : null;
            if (key is not null && GatewayKeys.All.Contains(key))
            {
                if (inSection)
                    problems.Add(GatewayMessages.ConfigKeyInSection(path, number, key));
                else if (own.TryGetValue(key, out var first))
                    problems.Add(GatewayMessages.ConfigKeyRepeated(path, number, key, first.Item2));
                else
                    own[key] = (line[(equals + 1)..].Trim(), number);
                output.Append('\n');
            }
            else
            {
                output.Append(raw).Append('\n');
            }
        }

        return Encoding.UTF8.GetBytes(output.ToString());
    }

    private static List<string>? ReadBackendList(string path, Dictionary<string, (string Value, int Line)> own, List<string> problems)
    {
        if (!own.TryGetValue(GatewayKeys.Backends, out var entry))
        {
            problems.Add(GatewayMessages.ConfigBackendsMissing(path));
            return null;
        }

        var names = entry.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (names.Count == 0)
            problems.Add(GatewayMessages.ConfigBackendsMissing(path));
        foreach (var name in names)
        {
            if (OptionValidator.CheckBackend(name) is not null)
                problems.Add(GatewayMessages.ConfigBackendInvalid(path, entry.Line, name));
        }

        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    private static GatewayBackend? ToBackend(string name, BackendSettings settings, List<string> problems)
    {
        var values = settings.Values.ToDictionary(v => v.Key, v => v.Value);
        string? Value(SiteSetting setting) => values.TryGetValue(setting, out var v) ? v : null;
        Uri? Url(SiteSetting setting)
        {
            var text = Value(setting);
            if (text is null)
                return null;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                return uri;
            problems.Add(GatewayMessages.ConfigUrlInvalid(name, setting.Key));
            return null;
        }

        var endpoint = Url(SiteSettings.DaapiEndpoint);
        var s3 = Url(SiteSettings.S3Endpoint);
        DirectAccessCredentials? credentials = null;
        if (Value(SiteSettings.IamApiKey) is { } apiKey)
        {
            if (Url(SiteSettings.IamEndpoint) is { } iam && Value(SiteSettings.ServiceCrn) is { } crn)
                credentials = new IamCredentials(apiKey, crn, iam);
        }
        else if (Value(SiteSettings.AppIdClientId) is { } clientId && Value(SiteSettings.AppIdSecret) is { } secret)
        {
            credentials = new AppIdCredentials(clientId, secret);
        }

        if (endpoint is null || s3 is null || credentials is null)
            return null;
        var storage = new S3StorageOptions(s3, Value(SiteSettings.S3Region)!, Value(SiteSettings.S3Bucket)!,
            Value(SiteSettings.AwsAccessKeyId)!, Value(SiteSettings.AwsSecretAccessKey)!);
        return new GatewayBackend(name, new DirectAccessClientOptions(endpoint, credentials), storage);
    }

    private static GatewaySettings ApplyOwnKeys(string path, Dictionary<string, (string Value, int Line)> own, GatewaySettings settings, List<string> problems)
    {
        string? Text(string key) => own.TryGetValue(key, out var e) ? e.Value : null;
        int Line(string key) => own[key].Line;

        long? Number(string key, long min, long max)
        {
            if (Text(key) is not { } text)
                return null;
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
                return n;
            problems.Add(GatewayMessages.ConfigNumberInvalid(path, Line(key), key, text, min, max));
            return null;
        }

        TimeSpan? Seconds(string key, long min, long max) => Number(key, min, max) is { } n ? TimeSpan.FromSeconds(n) : null;

        string? Executable(string key)
        {
            if (Text(key) is not { } text)
                return null;
            if (Path.IsPathFullyQualified(text))
                return text;
            problems.Add(GatewayMessages.ConfigPathNotAbsolute(path, Line(key), key));
            return null;
        }

        if (Text(GatewayKeys.Listen) is { } listen)
        {
            var urls = listen.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var url in urls)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.PathAndQuery != "/")
                    problems.Add(GatewayMessages.ConfigListenInvalid(path, Line(GatewayKeys.Listen), url));
            }

            if (urls.Length > 0)
                settings = settings with { ListenUrls = urls };
        }

        if (Text(GatewayKeys.Database) is { } database)
            settings = settings with { Database = ParseDatabase(path, Line(GatewayKeys.Database), database, problems) ?? settings.Database };

        if (Text(GatewayKeys.UsageAdminComment) is { } usageAdminComment)
        {
            if (usageAdminComment is "yes" or "no")
                settings = settings with { UsageToAdminComment = usageAdminComment == "yes" };
            else
                problems.Add(GatewayMessages.ConfigChoiceInvalid(path, Line(GatewayKeys.UsageAdminComment), GatewayKeys.UsageAdminComment, usageAdminComment, "yes, no"));
        }

        if (Text(GatewayKeys.LicenseSync) is { } licenseSync)
        {
            LicenseSyncMode? mode = licenseSync switch { "none" => LicenseSyncMode.None, "slurmdbd" => LicenseSyncMode.Slurmdbd, "local" => LicenseSyncMode.Local, _ => null };
            if (mode is { } known)
                settings = settings with { LicenseSync = known };
            else
                problems.Add(GatewayMessages.ConfigChoiceInvalid(path, Line(GatewayKeys.LicenseSync), GatewayKeys.LicenseSync, licenseSync, "none, slurmdbd, local"));
        }

        if (Text(GatewayKeys.LicenseServer) is { } licenseServer)
        {
            if (licenseServer.Length is > 0 and <= 64 && licenseServer.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
                settings = settings with { LicenseServer = licenseServer };
            else
                problems.Add(GatewayMessages.ConfigChoiceInvalid(path, Line(GatewayKeys.LicenseServer), GatewayKeys.LicenseServer, licenseServer, "a name of letters, digits, _ - . (as QRUN_LICENSE_SERVER in job_submit.lua)"));
        }

        return settings with
        {
            SacctPath = Executable(GatewayKeys.Sacct) ?? settings.SacctPath,
            SacctmgrPath = Executable(GatewayKeys.Sacctmgr) ?? settings.SacctmgrPath,
            LicenseSyncInterval = Seconds(GatewayKeys.LicenseSyncSecs, 1, 3600) ?? settings.LicenseSyncInterval,
            ScontrolPath = Executable(GatewayKeys.Scontrol) ?? settings.ScontrolPath,
            SqueuePath = Executable(GatewayKeys.Squeue) ?? settings.SqueuePath,
            SlurmTimeout = Seconds(GatewayKeys.SlurmTimeoutSecs, 1, 300) ?? settings.SlurmTimeout,
            SlurmPollInterval = Seconds(GatewayKeys.SlurmPollSecs, 1, 30) ?? settings.SlurmPollInterval,
            SlurmCacheLifetime = Seconds(GatewayKeys.SlurmCacheSecs, 0, 30) ?? settings.SlurmCacheLifetime,
            MaxInputBytes = Number(GatewayKeys.MaxInputBytes, 1, 1L << 40) ?? settings.MaxInputBytes,
            MaxTimeoutSecs = (int?)Number(GatewayKeys.MaxTimeoutSecs, 1, 30L * 86400) ?? settings.MaxTimeoutSecs,
            UploadUrlLifetime = Seconds(GatewayKeys.UploadUrlSecs, 10, 7L * 86400 - 3600) ?? settings.UploadUrlLifetime,
            DownloadUrlLifetime = Seconds(GatewayKeys.DownloadUrlSecs, 10, 7L * 86400 - 3600) ?? settings.DownloadUrlLifetime,
            ServiceUrlLifetime = Seconds(GatewayKeys.ServiceUrlSecs, 60, 7L * 86400 - 3600) ?? settings.ServiceUrlLifetime,
            CleanupWait = Seconds(GatewayKeys.CleanupWaitSecs, 0, 40) ?? settings.CleanupWait,
            DirectAccessAttempts = (int?)Number(GatewayKeys.DirectAccessAttempts, 1, 20) ?? settings.DirectAccessAttempts,
            DirectAccessAttemptTimeout = Seconds(GatewayKeys.DirectAccessTimeoutSecs, 1, 300) ?? settings.DirectAccessAttemptTimeout,
        };
    }

    private static DatabaseSettings? ParseDatabase(string path, int line, string value, List<string> problems)
    {
        if (value.StartsWith("sqlite:", StringComparison.Ordinal) && Path.IsPathFullyQualified(value["sqlite:".Length..]))
            return new DatabaseSettings(DatabaseKind.Sqlite, value["sqlite:".Length..]);
        if (value.StartsWith("postgresql:", StringComparison.Ordinal) && value.Length > "postgresql:".Length)
            return new DatabaseSettings(DatabaseKind.PostgreSql, value["postgresql:".Length..]);
        problems.Add(GatewayMessages.ConfigDatabaseInvalid(path, line));
        return null;
    }

    /// <summary>The retry settings the gateway's Direct Access clients use.</summary>
    public static RetrySettings RetryOf(GatewaySettings settings) =>
        RetrySettings.Default with { MaxRetryAttempts = settings.DirectAccessAttempts - 1, AttemptTimeout = settings.DirectAccessAttemptTimeout };
}
