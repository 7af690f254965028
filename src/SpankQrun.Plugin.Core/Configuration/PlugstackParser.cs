namespace SpankQrun.Plugin.Core.Configuration;

/// <summary>
/// Reads the plugin's plugstack.conf arguments, in one of two forms that never mix on one line:
/// the seed's eight positional values, or <c>key=value</c> words (<see cref="SettingKeys"/>).
/// plugstack.conf is readable by every user, so its words may be shown in the administrator's log,
/// except values of secret settings and positional values (a misplaced one may be a secret).
/// </summary>
public static class PlugstackParser
{
    /// <summary>
    /// Parses the arguments. Returns the configuration, or null and every problem found (none of which
    /// contains a setting's value).
    /// </summary>
    public static PlugstackConfiguration? Parse(IReadOnlyList<string> words, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        var keyed = words.Select(SettingKeys.IsKeyed).ToList();
        var firstPositional = keyed.IndexOf(false);
        var firstKeyed = keyed.IndexOf(true);
        PlugstackConfiguration? configuration = null;
        if (words.Count == 0)
            found.Add(ConfigurationMessages.ArgumentsMissing());
        else if (firstKeyed < 0)
            configuration = ParsePositional(words, found);
        else if (firstPositional < 0)
            configuration = ParseKeyed(words, found);
        else
            found.Add(ConfigurationMessages.FormsMixed(firstPositional + 1, firstKeyed + 1, SettingKeys.KeyOf(words[firstKeyed])));

        problems = found;
        return found.Count == 0 ? configuration : null;
    }

    /// <summary>Argument <paramref name="index"/> (0-based) as the seed's trace may log it.</summary>
    public static string Shown(IReadOnlyList<string> words, int index)
    {
        var word = words[index];
        if (!SettingKeys.IsKeyed(word))
            return words.Count == SiteSettings.Positional.Count && words.All(w => !SettingKeys.IsKeyed(w)) && !SiteSettings.Positional[index].IsSecret
                ? word
                : Redaction.Mask;
        var key = SettingKeys.KeyOf(word);
        var isPublic = key is SettingKeys.Backends or SettingKeys.Secrets or SettingKeys.Gateway
            || (SettingKeys.TrySplit(key, out _, out var setting) && !setting.IsSecret);
        return isPublic ? word : $"{key}={Redaction.Mask}";
    }

    private static PlugstackConfiguration? ParsePositional(IReadOnlyList<string> words, List<string> problems)
    {
        if (words.Count != SiteSettings.Positional.Count)
        {
            problems.Add(ConfigurationMessages.ArgumentCountWrong(words.Count));
            return null;
        }

        var entries = SiteSettings.Positional
            .Select((setting, i) => new SettingEntry(null, setting, words[i], ConfigurationMessages.PositionalOrigin(i + 1, setting)))
            .ToList();
        foreach (var entry in entries)
        {
            if (SettingValueCheck.Check(entry) is { } problem)
                problems.Add(problem);
        }

        return new PlugstackConfiguration(null, null, entries);
    }

    private static PlugstackConfiguration ParseKeyed(IReadOnlyList<string> words, List<string> problems)
    {
        IReadOnlyList<string>? backends = null;
        string? secretsPath = null;
        string? gateway = null;
        var entries = new List<SettingEntry>();
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            var position = i + 1;
            var key = SettingKeys.KeyOf(words[i]);
            var value = words[i][(key.Length + 1)..];
            if (firstSeen.TryGetValue(key, out var first))
            {
                problems.Add(ConfigurationMessages.KeyRepeated(position, key, first));
                continue;
            }

            firstSeen[key] = position;
            if (key == SettingKeys.Backends)
                backends = ParseBackendList(position, value, problems);
            else if (key == SettingKeys.Secrets)
                secretsPath = CheckSecretsPath(position, value, problems);
            else if (key == SettingKeys.Gateway)
                gateway = CheckGateway(position, value, problems);
            else if (SettingKeys.TrySplit(key, out var backend, out var setting))
                AddEntry(new SettingEntry(backend, setting, value, ConfigurationMessages.KeyedOrigin(position, key)), entries, problems);
            else
                problems.Add(ConfigurationMessages.KeyUnknown(ConfigurationMessages.KeyedOrigin(position, key), key));
        }

        // In gateway mode a task gets no site setting: one written here would be a credential (or an
        // endpoint) every user can read for nothing, so it is refused by name.
        if (firstSeen.ContainsKey(SettingKeys.Gateway))
        {
            foreach (var entry in entries)
                problems.Add(ConfigurationMessages.SettingWithGateway(entry.Origin, entry.Setting.Key));
        }

        return new PlugstackConfiguration(backends, secretsPath, entries, gateway);
    }

    private static void AddEntry(SettingEntry entry, List<SettingEntry> entries, List<string> problems)
    {
        if (entry.Backend is not null && OptionValidator.CheckBackend(entry.Backend) is not null)
            problems.Add(ConfigurationMessages.ScopeNotBackendName(entry.Origin));
        else if (SettingValueCheck.Check(entry) is { } problem)
            problems.Add(problem);
        else
            entries.Add(entry);
    }

    private static List<string>? ParseBackendList(int position, string value, List<string> problems)
    {
        var names = value.Split(',');
        var before = problems.Count;
        for (var i = 0; i < names.Length; i++)
        {
            if (OptionValidator.CheckBackend(names[i]) is not null)
                problems.Add(ConfigurationMessages.BackendListInvalidName(position, names[i]));
            else if (Array.IndexOf(names, names[i]) < i)
                problems.Add(ConfigurationMessages.BackendListRepeatedName(position, names[i]));
        }

        return problems.Count == before ? [.. names] : null;
    }

    // The gateway's URL is public, but one with a user name or password is not shown: it may hold a secret.
    private static string? CheckGateway(int position, string value, List<string> problems)
    {
        if (value.Any(char.IsControl)
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host)
            || uri.UserInfo.Length > 0
            || uri.Query.Length > 0
            || uri.Fragment.Length > 0)
        {
            problems.Add(ConfigurationMessages.GatewayNotUrl(position));
            return null;
        }

        return value.TrimEnd('/');
    }

    private static string? CheckSecretsPath(int position, string value, List<string> problems)
    {
        if (!value.StartsWith('/') || value.Any(char.IsControl))
        {
            problems.Add(ConfigurationMessages.SecretsPathNotAbsolute(position, value));
            return null;
        }

        return value;
    }
}
