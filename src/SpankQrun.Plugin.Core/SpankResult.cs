namespace SpankQrun.Plugin.Core;

/// <summary>Return codes of SPANK callbacks.</summary>
public static class SpankResult
{
    /// <summary>The callback succeeded.</summary>
    public const int Success = 0;

    /// <summary>
    /// The check or callback failed. The C glue then refuses the command or ends the task itself: Slurm
    /// ignores failures of an <c>optional</c> plugin's callbacks.
    /// </summary>
    public const int Failure = -1;
}
