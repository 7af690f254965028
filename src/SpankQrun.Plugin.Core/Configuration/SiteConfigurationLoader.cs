namespace SpankQrun.Plugin.Core.Configuration;

/// <summary>
/// Everything the plugin needs to give one task its backend's settings: the plugstack.conf line, the
/// secrets file root read for this task, and the backend the job asked for.
/// </summary>
public static class SiteConfigurationLoader
{
    /// <summary>Loads and checks the site configuration for <paramref name="backend"/>.</summary>
    public static SiteConfigurationResult Load(IReadOnlyList<string> arguments, SecretsFileSnapshot secrets, string backend)
    {
        var plugstack = PlugstackParser.Parse(arguments, out var plugstackProblems);
        if (plugstack is null)
            return SiteConfigurationResult.Broken(plugstackProblems);
        if (plugstack.Backends is { } offered && !offered.Contains(backend, StringComparer.Ordinal))
            return SiteConfigurationResult.NotOffered(Messages.BackendNotOffered(backend, offered));

        var problems = new List<string>();
        if (plugstack.Gateway is { } gateway)
            return LoadForGateway(plugstack, gateway, secrets, problems);

        var entries = new List<SettingEntry>(plugstack.Entries);
        if (plugstack.SecretsPath is { } path)
            entries.AddRange(ReadSecretsFile(path, secrets, problems));
        BackendResolver.CheckScopes(entries, plugstack.Backends, problems);
        if (problems.Count > 0)
            return SiteConfigurationResult.Broken(problems);

        var settings = BackendResolver.Resolve(entries, backend, problems);
        return settings is null ? SiteConfigurationResult.Broken(problems) : SiteConfigurationResult.Ready(settings);
    }

    // The parser refused settings on the line already; a secrets file named next to gateway= is read (so
    // a file left on the nodes from direct mode is noticed) and every setting in it refused by name.
    private static SiteConfigurationResult LoadForGateway(PlugstackConfiguration plugstack, string gateway, SecretsFileSnapshot secrets, List<string> problems)
    {
        if (plugstack.SecretsPath is { } path)
        {
            foreach (var entry in ReadSecretsFile(path, secrets, problems))
                problems.Add(ConfigurationMessages.SettingWithGateway(entry.Origin, entry.Setting.Key));
        }

        return problems.Count > 0 ? SiteConfigurationResult.Broken(problems) : SiteConfigurationResult.ReadyForGateway(gateway);
    }

    private static IReadOnlyList<SettingEntry> ReadSecretsFile(string path, SecretsFileSnapshot secrets, List<string> problems)
    {
        if (secrets.Status == SecretsFileStatus.Read && secrets.Path == path)
            return SecretsFileParser.Parse(path, secrets.Content, problems);
        problems.Add(secrets.Path == path
            ? ConfigurationMessages.SecretsFileRefused(secrets)
            : ConfigurationMessages.SecretsFileNotRead(path));
        return [];
    }
}
