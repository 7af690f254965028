namespace SpankQrun.Plugin.Core.Configuration;

/// <summary>
/// Combines every setting written for the site into the settings of one backend: its own settings
/// (plugstack <c>name.key=</c> or the file's <c>[name]</c> section) over the defaults shared by all.
/// </summary>
public static class BackendResolver
{
    /// <summary>
    /// Checks that each setting is written once for each scope across both places and that per-backend
    /// settings name an offered backend. Adds problems to <paramref name="problems"/>.
    /// </summary>
    public static void CheckScopes(IReadOnlyList<SettingEntry> entries, IReadOnlyList<string>? backends, List<string> problems)
    {
        foreach (var group in entries.GroupBy(e => (e.Backend, e.Setting.Key)).Where(g => g.Count() > 1))
            problems.Add(ConfigurationMessages.SetTwice(group.First().Origin, group.Skip(1).First().Origin));
        foreach (var entry in entries.Where(e => e.Backend is not null))
        {
            if (backends is null)
                problems.Add(ConfigurationMessages.ScopeWithoutBackendList(entry.Origin, entry.Backend!));
            else if (!backends.Contains(entry.Backend!, StringComparer.Ordinal))
                problems.Add(ConfigurationMessages.ScopeNotOffered(entry.Origin, entry.Backend!, backends));
        }
    }

    /// <summary>The settings of <paramref name="backend"/>, or null when some are missing (added to <paramref name="problems"/>).</summary>
    public static BackendSettings? Resolve(IReadOnlyList<SettingEntry> entries, string backend, List<string> problems)
    {
        var values = new Dictionary<SiteSetting, string>();
        foreach (var entry in entries.Where(e => e.Backend is null))
            values[entry.Setting] = entry.Value;
        foreach (var entry in entries.Where(e => e.Backend == backend))
            values[entry.Setting] = entry.Value;

        var before = problems.Count;
        foreach (var setting in SiteSettings.Required.Where(s => !values.ContainsKey(s)))
            problems.Add(ConfigurationMessages.SettingMissing(backend, setting));
        CheckAuthentication(values, backend, problems);
        if (problems.Count > before)
            return null;
        return new BackendSettings([.. SiteSettings.All.Where(values.ContainsKey).Select(s => KeyValuePair.Create(s, values[s]))]);
    }

    // IAM is in use once an API key is set (a shared iam_endpoint or service_crn alone does not make a
    // backend that authenticates with App ID incomplete); it then needs the CRN and the endpoint too.
    private static void CheckAuthentication(Dictionary<SiteSetting, string> values, string backend, List<string> problems)
    {
        var usesIam = values.ContainsKey(SiteSettings.IamApiKey);
        var appId = SiteSettings.AppIdAuthentication.Where(values.ContainsKey).ToList();
        if (!usesIam && appId.Count == 0)
            problems.Add(ConfigurationMessages.CredentialsMissing(backend));
        if (usesIam)
            AddIncomplete(values, backend, SiteSettings.IamAuthentication, problems);
        if (appId.Count > 0)
            AddIncomplete(values, backend, SiteSettings.AppIdAuthentication, problems);
    }

    private static void AddIncomplete(Dictionary<SiteSetting, string> values, string backend, IReadOnlyList<SiteSetting> group, List<string> problems)
    {
        var missing = group.Where(s => !values.ContainsKey(s)).ToList();
        if (missing.Count > 0)
            problems.Add(ConfigurationMessages.CredentialsIncomplete(backend, group.Except(missing).ToList(), missing));
    }
}
