namespace SpankQrun.Plugin.Core.Configuration;

/// <summary>One setting of the site configuration and the task variable it becomes.</summary>
/// <param name="Name">The seed's argument name, e.g. <c>DAAPI_ENDPOINT</c>.</param>
/// <param name="Variable">The task environment variable, e.g. <c>IBMQRUN_DAAPI_ENDPOINT</c>.</param>
/// <param name="IsSecret">Whether the value is masked in every log line.</param>
/// <param name="IsUrl">Whether the value must be an absolute http(s) URL.</param>
public sealed record SiteSetting(string Name, string Variable, bool IsSecret, bool IsUrl)
{
    /// <summary>The setting's key in the <c>key=value</c> forms: the name in lower case, e.g. <c>daapi_endpoint</c>.</summary>
    public string Key => Name.ToLowerInvariant();
}
