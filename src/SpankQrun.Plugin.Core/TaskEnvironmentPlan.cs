using SpankQrun.Variables;

namespace SpankQrun.Plugin.Core;

/// <summary>The IBMQRUN_* variables a task of a job that asked for a backend receives.</summary>
public static class TaskEnvironmentPlan
{
    /// <summary>The request's own variables first, then every site setting, in the seed's order.</summary>
    public static IReadOnlyList<EnvironmentAssignment> Create(JobRequest request, SiteConfiguration configuration)
    {
        var plan = new List<EnvironmentAssignment>(configuration.Values.Count + 2)
        {
            new(IbmQrunVariables.Backend, request.Backend, IsSecret: false),
        };
        if (request.Primitive is not null)
            plan.Add(new EnvironmentAssignment(IbmQrunVariables.Primitive, request.Primitive, IsSecret: false));
        foreach (var (setting, value) in configuration.Values)
            plan.Add(new EnvironmentAssignment(setting.Variable, value, setting.IsSecret));
        return plan;
    }
}
