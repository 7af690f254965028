using SpankQrun.Plugin.Core.Configuration;

namespace SpankQrun.Plugin.Core.Callbacks;

/// <summary>
/// What runs in sbatch, salloc and srun (as the submitting user) when an option is given: refuse a bad
/// value before anything is queued, with a message that names the option, the value and what is allowed.
/// Only the plugstack.conf line is read here (it is public); the secrets file is never opened.
/// </summary>
public static class SubmitCallbacks
{
    /// <summary>
    /// The option callback: checks one value as it is given. A backend must also be one the site offers
    /// when the plugstack.conf line lists them. A line with errors lists nothing here: it is reported,
    /// with details in slurmd's log, when a job that asked for a backend starts.
    /// </summary>
    public static int CheckOption(ISpankHost host, QrunOption option, string? value, IReadOnlyList<string> arguments)
    {
        var error = OptionValidator.Check(option, value);
        if (error is null && option == QrunOption.Backend
            && PlugstackParser.Parse(arguments, out _)?.Backends is { } offered
            && !offered.Contains(value!, StringComparer.Ordinal))
            error = Messages.BackendNotOffered(value!, offered);
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
