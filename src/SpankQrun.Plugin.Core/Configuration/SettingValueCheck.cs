namespace SpankQrun.Plugin.Core.Configuration;

/// <summary>Checks one setting's value wherever it was written. Messages name the place, never the value.</summary>
public static class SettingValueCheck
{
    /// <summary>Why the entry's value is not acceptable, or null.</summary>
    public static string? Check(SettingEntry entry)
    {
        var value = entry.Value;
        if (string.IsNullOrWhiteSpace(value))
            return ConfigurationMessages.ValueEmpty(entry.Origin);
        if (value.Any(char.IsControl))
            return ConfigurationMessages.ValueHasControlCharacter(entry.Origin);
        if (!entry.Setting.IsUrl)
            return null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
            return ConfigurationMessages.ValueNotUrl(entry.Origin);
        return uri.UserInfo.Length > 0 ? ConfigurationMessages.ValueUrlHasCredentials(entry.Origin) : null;
    }
}
