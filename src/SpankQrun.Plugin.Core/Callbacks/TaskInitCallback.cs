namespace SpankQrun.Plugin.Core.Callbacks;

/// <summary>
/// <c>slurm_spank_task_init</c> for a job that asked for a backend: runs in the forked task child, as the
/// job user, just before exec. Sets the task's IBMQRUN_* environment from the site configuration, or fails
/// the task with one line the user can act on (the node is never drained by a task failure).
/// </summary>
public static class TaskInitCallback
{
    /// <summary>The callback's name in traces.</summary>
    public const string Name = "slurm_spank_task_init";

    /// <summary>Runs the callback; never throws for bad input.</summary>
    public static int Run(ISpankHost host, IReadOnlyList<string> arguments, string? backend, string? primitive)
    {
        host.Log(PluginLogLevel.Debug, Messages.TraceEnter(Name, arguments.Count, remote: true));
        var rc = Apply(host, arguments, backend, primitive);
        host.Log(PluginLogLevel.Debug, Messages.TraceExit(Name, rc));
        return rc;
    }

    private static int Apply(ISpankHost host, IReadOnlyList<string> arguments, string? backend, string? primitive)
    {
        TraceArguments(host, arguments);
        TraceItem(host, SpankItem.JobUid, "S_JOB_UID");
        TraceItem(host, SpankItem.JobId, "S_JOB_ID");

        // The submitting side validated already; a value can still arrive unchecked through the
        // environment (SLURM_SPANK_* variables), so it is checked again where it takes effect.
        var request = JobRequest.TryCreate(backend ?? JobRequest.InheritedBackend(host, primitive), primitive, out var requestError);
        if (request is null)
        {
            host.Log(PluginLogLevel.Error, requestError!);
            return SpankResult.Failure;
        }

        host.Log(PluginLogLevel.Debug, Messages.TraceRequest(request));

        var configuration = SiteConfigurationParser.Parse(arguments, out var problems);
        if (configuration is null)
        {
            foreach (var problem in problems)
                host.Log(PluginLogLevel.Info, Messages.ConfigurationProblem(problem));
            host.Log(PluginLogLevel.Error, Messages.ConfigurationIncomplete(problems));
            return SpankResult.Failure;
        }

        foreach (var assignment in TaskEnvironmentPlan.Create(request, configuration))
        {
            if (!host.TrySetEnvironment(assignment.Variable, assignment.Value))
            {
                host.Log(PluginLogLevel.Error, Messages.SetEnvironmentFailed(assignment.Variable));
                return SpankResult.Failure;
            }

            host.Log(PluginLogLevel.Debug, Messages.TraceSetEnvironment(assignment.Variable, assignment.ShownValue));
        }

        return SpankResult.Success;
    }

    private static void TraceArguments(ISpankHost host, IReadOnlyList<string> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            var shown = SiteConfigurationParser.IsShownInClear(arguments, i) ? arguments[i] : Redaction.Mask;
            host.Log(PluginLogLevel.Debug, Messages.TraceArgument(i, shown));
        }
    }

    private static void TraceItem(ISpankHost host, SpankItem item, string name)
    {
        if (host.TryGetItem(item, out var value))
            host.Log(PluginLogLevel.Debug, Messages.TraceItem(name, value));
    }
}
