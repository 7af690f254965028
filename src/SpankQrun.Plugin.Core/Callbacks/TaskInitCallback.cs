using SpankQrun.Plugin.Core.Configuration;

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

    /// <summary>
    /// Runs the callback; never throws for bad input. <paramref name="secrets"/> is the secrets file as
    /// root read it in <c>slurm_spank_task_init_privileged</c> of this same task.
    /// </summary>
    public static int Run(ISpankHost host, IReadOnlyList<string> arguments, string? backend, string? primitive, SecretsFileSnapshot secrets)
    {
        host.Log(PluginLogLevel.Debug, Messages.TraceEnter(Name, arguments.Count, remote: true));
        var rc = Apply(host, arguments, backend, primitive, secrets);
        host.Log(PluginLogLevel.Debug, Messages.TraceExit(Name, rc));
        return rc;
    }

    private static int Apply(ISpankHost host, IReadOnlyList<string> arguments, string? backend, string? primitive, SecretsFileSnapshot secrets)
    {
        TraceArguments(host, arguments);
        TraceItem(host, SpankItem.JobUid, "S_JOB_UID");
        TraceItem(host, SpankItem.JobId, "S_JOB_ID");
        var reporter = new StepFailureReporter(host);

        // The submitting side validated already; a value can still arrive unchecked through the
        // environment (SLURM_SPANK_* variables), so it is checked again where it takes effect.
        var request = JobRequest.TryCreate(backend ?? JobRequest.InheritedBackend(host, primitive), primitive, out var requestError);
        if (request is null)
            return reporter.Fail(requestError!);

        host.Log(PluginLogLevel.Debug, Messages.TraceRequest(request));
        if (secrets.Status == SecretsFileStatus.Read)
            host.Log(PluginLogLevel.Debug, Messages.TraceSecretsFile(secrets.Path, secrets.Content.Length));

        var configuration = SiteConfigurationLoader.Load(arguments, secrets, request.Backend);
        if (configuration.NotOfferedMessage is { } notOffered)
            return reporter.Fail(notOffered);
        if (configuration.Gateway is { } gateway)
            return Apply(host, TaskEnvironmentPlan.CreateForGateway(request, gateway), reporter);
        if (configuration.Settings is null)
            return reporter.Fail(Messages.ConfigurationBroken(configuration.Problems), configuration.Problems.Select(Messages.ConfigurationProblem));

        return Apply(host, TaskEnvironmentPlan.Create(request, configuration.Settings), reporter);
    }

    private static int Apply(ISpankHost host, TaskEnvironmentPlan plan, StepFailureReporter reporter)
    {
        foreach (var variable in plan.Removals)
        {
            if (host.GetEnvironment(variable) is null)
                continue;
            if (!host.TryUnsetEnvironment(variable))
                return reporter.Fail(Messages.UnsetEnvironmentFailed(variable));
            host.Log(PluginLogLevel.Debug, Messages.TraceUnsetEnvironment(variable));
        }

        foreach (var assignment in plan.Assignments)
        {
            if (!host.TrySetEnvironment(assignment.Variable, assignment.Value))
                return reporter.Fail(Messages.SetEnvironmentFailed(assignment.Variable));
            host.Log(PluginLogLevel.Debug, Messages.TraceSetEnvironment(assignment.Variable, assignment.ShownValue));
        }

        return SpankResult.Success;
    }

    private static void TraceArguments(ISpankHost host, IReadOnlyList<string> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
            host.Log(PluginLogLevel.Debug, Messages.TraceArgument(i, PlugstackParser.Shown(arguments, i)));
    }

    private static void TraceItem(ISpankHost host, SpankItem item, string name)
    {
        if (host.TryGetItem(item, out var value))
            host.Log(PluginLogLevel.Debug, Messages.TraceItem(name, value));
    }
}
