namespace SpankQrun.Plugin.Core.Configuration;

/// <summary>The outcome of <see cref="SiteConfigurationLoader.Load"/>: exactly one of its four cases.</summary>
public sealed class SiteConfigurationResult
{
    private SiteConfigurationResult(BackendSettings? settings, IReadOnlyList<string> problems, string? notOffered, string? gateway = null)
    {
        Settings = settings;
        Problems = problems;
        NotOfferedMessage = notOffered;
        Gateway = gateway;
    }

    /// <summary>The backend's settings, when the configuration serves it directly (direct mode).</summary>
    public BackendSettings? Settings { get; }

    /// <summary>The gateway's base URL, when the site serves the backend through its gateway (gateway mode).</summary>
    public string? Gateway { get; }

    /// <summary>What is wrong with the site's configuration (for the administrator), when it is broken.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Why the job's backend is refused (for the user), when the site does not offer it.</summary>
    public string? NotOfferedMessage { get; }

    internal static SiteConfigurationResult Ready(BackendSettings settings) => new(settings, [], null);

    internal static SiteConfigurationResult ReadyForGateway(string gateway) => new(null, [], null, gateway);

    internal static SiteConfigurationResult Broken(IReadOnlyList<string> problems) => new(null, problems, null);

    internal static SiteConfigurationResult NotOffered(string message) => new(null, [], message);
}
