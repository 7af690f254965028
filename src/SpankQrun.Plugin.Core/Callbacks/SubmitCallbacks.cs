namespace SpankQrun.Plugin.Core.Callbacks;

/// <summary>
/// What runs in sbatch, salloc and srun (as the submitting user) when an option is given: refuse a bad
/// value before anything is queued, with a message that names the option, the value and what is allowed.
/// </summary>
public static class SubmitCallbacks
{
    /// <summary>The option callback: checks one value as it is given.</summary>
    public static int CheckOption(ISpankHost host, QrunOption option, string? value)
    {
        var error = OptionValidator.Check(option, value);
        if (error is null)
            return SpankResult.Success;
        host.Log(PluginLogLevel.Error, error);
        return SpankResult.Failure;
    }

    /// <summary><c>slurm_spank_init_post_opt</c>: checks the options together once all are applied.</summary>
    public static int CheckRequest(ISpankHost host, string? backend, string? primitive)
    {
        if (JobRequest.TryCreate(backend ?? JobRequest.InheritedBackend(host, primitive), primitive, out var error) is not null)
            return SpankResult.Success;
        host.Log(PluginLogLevel.Error, error!);
        return SpankResult.Failure;
    }
}
