namespace SpankQrun.Plugin.Core;

/// <summary>
/// Everything the plugin's logic may ask of the Slurm process it runs in. Rules for implementations:
/// no member throws; failures are reported through return values; messages are logged verbatim with the
/// plugin's prefix (never used as a format string).
/// </summary>
public interface ISpankHost
{
    /// <summary>Writes one line to Slurm's log at <paramref name="level"/>.</summary>
    void Log(PluginLogLevel level, string message);

    /// <summary>Sets a variable in the job task's environment (remote context only).</summary>
    bool TrySetEnvironment(string name, string value);

    /// <summary>Removes a variable from the job task's environment (remote context only); true when it is absent afterwards.</summary>
    bool TryUnsetEnvironment(string name);

    /// <summary>
    /// A variable of the job's environment (in slurmstepd) or of the command's own environment (in
    /// sbatch/salloc/srun), or null when it is not set.
    /// </summary>
    string? GetEnvironment(string name);

    /// <summary>Reads a numeric job item.</summary>
    bool TryGetItem(SpankItem item, out uint value);
}
