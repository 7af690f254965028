namespace SpankQrun.Admin.Check;

/// <summary>What <c>qrun-admin check</c> was asked to check.</summary>
/// <param name="PlugstackPath">plugstack.conf to read when no line is given.</param>
/// <param name="Line">A plugstack line to check instead.</param>
/// <param name="Backends">The backends to check (empty: every one the line lists).</param>
/// <param name="Online">Whether to reach the services.</param>
/// <param name="Timeout">Bound on each backend's online check.</param>
internal sealed record CheckOptions(string PlugstackPath, string? Line, IReadOnlyList<string> Backends, bool Online, TimeSpan Timeout)
{
    public const string DefaultPlugstackPath = "/etc/slurm/plugstack.conf";
}
