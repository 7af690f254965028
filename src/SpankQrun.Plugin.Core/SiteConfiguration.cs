namespace SpankQrun.Plugin.Core;

/// <summary>A complete, checked site configuration: one value per setting.</summary>
public sealed class SiteConfiguration
{
    private readonly IReadOnlyList<KeyValuePair<SiteSetting, string>> _values;

    internal SiteConfiguration(IReadOnlyList<KeyValuePair<SiteSetting, string>> values) => _values = values;

    /// <summary>The settings and their values, in the order they are handed to tasks.</summary>
    public IReadOnlyList<KeyValuePair<SiteSetting, string>> Values => _values;
}
