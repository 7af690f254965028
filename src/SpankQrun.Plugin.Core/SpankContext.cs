namespace SpankQrun.Plugin.Core;

/// <summary>Where Slurm loaded the plugin; values match <c>spank_context_t</c> in slurm/spank.h.</summary>
public enum SpankContext
{
    /// <summary>Slurm could not tell.</summary>
    Error = 0,

    /// <summary>srun, as the user.</summary>
    Local = 1,

    /// <summary>slurmstepd (and the task children it forks).</summary>
    Remote = 2,

    /// <summary>sbatch or salloc, as the user.</summary>
    Allocator = 3,

    /// <summary>slurmd, as root.</summary>
    Slurmd = 4,

    /// <summary>Prolog or epilog.</summary>
    JobScript = 5,
}
