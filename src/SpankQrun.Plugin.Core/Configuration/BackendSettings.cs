namespace SpankQrun.Plugin.Core.Configuration;

/// <summary>The settings one backend's tasks receive, complete and checked.</summary>
/// <param name="Values">The values, in <see cref="SiteSettings.All"/> order; only those configured.</param>
public sealed record BackendSettings(IReadOnlyList<KeyValuePair<SiteSetting, string>> Values);
