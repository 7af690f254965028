namespace SpankQrun.TestSupport;

/// <summary>Where the repository and its build outputs are.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding spank-qrun.slnx.</summary>
    public static string Root { get; } = RepositoryRoot.Find();

    /// <summary>The plugin under test: $SPANKQRUN_PLUGIN, or build/spank_ibm_qrun.so from `cmake .. &amp;&amp; make`.</summary>
    public static string Plugin =>
        Environment.GetEnvironmentVariable("SPANKQRUN_PLUGIN") is { Length: > 0 } path ? path : Path.Combine(Root, "build", "spank_ibm_qrun.so");
}
