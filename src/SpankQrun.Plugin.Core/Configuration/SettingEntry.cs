namespace SpankQrun.Plugin.Core.Configuration;

/// <summary>One setting as the administrator wrote it, on the plugstack.conf line or in the secrets file.</summary>
/// <param name="Backend">The backend it applies to, or null when it is a default shared by all.</param>
/// <param name="Setting">The setting.</param>
/// <param name="Value">The value (may be a secret: never put it in a message).</param>
/// <param name="Origin">Where it was written, for messages, e.g. <c>/etc/slurm/qrun-secrets.conf line 7 (iam_apikey)</c>.</param>
public sealed record SettingEntry(string? Backend, SiteSetting Setting, string Value, string Origin);
