namespace SpankQrun.Admin;

/// <summary>qrun-admin's exit codes (documented in qrun-admin(8)).</summary>
internal static class AdminExitCodes
{
    /// <summary>Everything checked is fine.</summary>
    public const int Ok = 0;

    /// <summary>The site configuration has problems: jobs that ask for a backend would fail.</summary>
    public const int ConfigurationBroken = 1;

    /// <summary>Bad command line, or nothing to check (no plugstack file, no line for the plugin).</summary>
    public const int Usage = 2;

    /// <summary>The configuration is well-formed, but a service refused it or did not answer (<c>--online</c>).</summary>
    public const int OnlineFailed = 3;

    /// <summary>Not everything could be checked: the secrets file cannot be read by this user (run as root).</summary>
    public const int Incomplete = 4;
}
