namespace SpankQrun.Plugin.Core;

/// <summary>Return codes of SPANK callbacks.</summary>
public static class SpankResult
{
    /// <summary>The callback succeeded.</summary>
    public const int Success = 0;

    /// <summary>The callback failed; Slurm refuses the command (local) or fails the task (remote).</summary>
    public const int Failure = -1;
}
