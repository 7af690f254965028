using SpankQrun.Plugin.Core.Configuration;
using SpankQrun.Variables;

namespace SpankQrun.Plugin.Core;

/// <summary>The IBMQRUN_* variables a task of a job that asked for a backend receives, and those it must not keep.</summary>
/// <param name="Assignments">The request's own variables first, then the backend's settings in <see cref="SiteSettings.All"/> order.</param>
/// <param name="Removals">
/// Setting variables the backend does not configure. A task may inherit them (an srun inside a batch job
/// for another backend, or the user's own environment); left in place they would mix another
/// backend's credentials with this one's endpoint.
/// </param>
public sealed record TaskEnvironmentPlan(IReadOnlyList<EnvironmentAssignment> Assignments, IReadOnlyList<string> Removals)
{
    /// <summary>The plan for <paramref name="request"/> served with <paramref name="settings"/>.</summary>
    public static TaskEnvironmentPlan Create(JobRequest request, BackendSettings settings)
    {
        var assignments = new List<EnvironmentAssignment>(settings.Values.Count + 2)
        {
            new(IbmQrunVariables.Backend, request.Backend, IsSecret: false),
        };
        if (request.Primitive is not null)
            assignments.Add(new EnvironmentAssignment(IbmQrunVariables.Primitive, request.Primitive, IsSecret: false));
        foreach (var (setting, value) in settings.Values)
            assignments.Add(new EnvironmentAssignment(setting.Variable, value, setting.IsSecret));
        var removals = SiteSettings.All.Where(s => settings.Values.All(v => v.Key != s)).Select(s => s.Variable).ToList();

        // An inherited gateway URL would make qrun ignore this site's own settings.
        removals.Add(IbmQrunVariables.Gateway);
        return new TaskEnvironmentPlan(assignments, removals);
    }

    /// <summary>
    /// The plan for <paramref name="request"/> served through the site gateway at <paramref name="gateway"/>:
    /// the gateway's URL and the request, nothing else; every setting variable a task could inherit is removed.
    /// </summary>
    public static TaskEnvironmentPlan CreateForGateway(JobRequest request, string gateway)
    {
        var assignments = new List<EnvironmentAssignment>(3)
        {
            new(IbmQrunVariables.Gateway, gateway, IsSecret: false),
            new(IbmQrunVariables.Backend, request.Backend, IsSecret: false),
        };
        if (request.Primitive is not null)
            assignments.Add(new EnvironmentAssignment(IbmQrunVariables.Primitive, request.Primitive, IsSecret: false));
        return new TaskEnvironmentPlan(assignments, [.. SiteSettings.All.Select(s => s.Variable)]);
    }
}
