namespace SpankQrun.Plugin.Core.Configuration;

/// <summary>What the plugin's plugstack.conf line says, checked for form and syntax.</summary>
/// <param name="Backends">The backend names the site offers (<c>backends=</c>), or null when it names none.</param>
/// <param name="SecretsPath">The root-only secrets file (<c>secrets=</c>), or null.</param>
/// <param name="Entries">The settings given on the line itself (the seed's eight, or <c>key=value</c> ones).</param>
/// <param name="Gateway">The site gateway's base URL (<c>gateway=</c>, gateway mode), or null (direct mode).</param>
public sealed record PlugstackConfiguration(IReadOnlyList<string>? Backends, string? SecretsPath, IReadOnlyList<SettingEntry> Entries, string? Gateway = null);
