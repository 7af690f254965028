using SpankQrun.Primitives;
using SpankQrun.Variables;

namespace SpankQrun.Qrun.Configuration;

/// <summary>
/// Turns missing IBMQRUN_* variables into what the user should do, from what the job actually has: no plugin
/// variables at all means the job was not submitted with --q-backend; a backend without a primitive means only
/// --q-primitive is missing; anything else missing is the site's configuration.
/// </summary>
internal static class EnvironmentHints
{
    public static IReadOnlyList<string> Describe(
        Func<string, string?> environment, IReadOnlyList<string> errors, PrimitiveKind? inputKind, IReadOnlyList<string> siteBackends)
    {
        bool IsSet(string name) => !string.IsNullOrWhiteSpace(environment(name));
        var backend = environment(IbmQrunVariables.Backend)?.Trim();
        var hasBackend = IsSet(IbmQrunVariables.Backend);
        var hasPrimitive = IsSet(IbmQrunVariables.Primitive);
        var primitive = inputKind?.ToProgramId();
        var others = errors
            .Where(error => error != QrunMessages.VariableMissing(IbmQrunVariables.Backend) && error != QrunMessages.VariableMissing(IbmQrunVariables.Primitive))
            .ToList();

        if (!hasBackend && !hasPrimitive)
        {
            return [QrunMessages.NotAQrunJob(primitive, siteBackends)];
        }

        var lines = new List<string>();
        if (!hasBackend)
        {
            lines.Add(QrunMessages.BackendMissing(siteBackends));
        }
        else if (!hasPrimitive)
        {
            lines.Add(QrunMessages.PrimitiveMissing(backend!, primitive));
        }

        if (others.Count > 0)
        {
            lines.AddRange(others);
            if (hasBackend)
            {
                lines.Add(QrunMessages.SiteConfigurationIncomplete(backend!));
            }
        }

        return lines;
    }
}
