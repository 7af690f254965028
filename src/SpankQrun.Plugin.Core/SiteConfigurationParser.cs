namespace SpankQrun.Plugin.Core;

/// <summary>Reads the site configuration from the plugin's plugstack.conf arguments.</summary>
public static class SiteConfigurationParser
{
    /// <summary>
    /// Parses the seed's positional form: exactly eight arguments, none empty, endpoints absolute http(s) URLs.
    /// Returns the configuration, or null and every problem found (none of which contains a value).
    /// </summary>
    public static SiteConfiguration? Parse(IReadOnlyList<string> arguments, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        if (arguments.Count == 0)
        {
            found.Add(Messages.ArgumentsMissing());
        }
        else if (arguments.Count != SiteSettings.Positional.Count)
        {
            found.Add(Messages.ArgumentCountWrong(arguments.Count));
        }
        else
        {
            for (var i = 0; i < arguments.Count; i++)
            {
                var problem = Check(i + 1, SiteSettings.Positional[i], arguments[i]);
                if (problem is not null)
                    found.Add(problem);
            }
        }

        problems = found;
        if (found.Count > 0)
            return null;
        return new SiteConfiguration(
            [.. SiteSettings.Positional.Select((setting, i) => KeyValuePair.Create(setting, arguments[i]))]);
    }

    /// <summary>
    /// Whether argument <paramref name="index"/> (0-based) may be logged in clear. Only when the argument
    /// count is exactly right can a position be trusted to hold a non-secret setting.
    /// </summary>
    public static bool IsShownInClear(IReadOnlyList<string> arguments, int index) =>
        arguments.Count == SiteSettings.Positional.Count && !SiteSettings.Positional[index].IsSecret;

    private static string? Check(int position, SiteSetting setting, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return Messages.ArgumentEmpty(position, setting);
        if (setting.IsUrl && !IsHttpUrl(value))
            return Messages.ArgumentNotUrl(position, setting);
        if (setting.IsUrl && new Uri(value).UserInfo.Length > 0)
            return Messages.ArgumentUrlHasCredentials(position, setting);
        return null;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}
