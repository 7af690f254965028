using SpankQrun.Primitives;
using SpankQrun.Variables;

namespace SpankQrun.Qrun.Gateway;

/// <summary>What qrun takes from the environment in gateway mode: the gateway, the request, and the Slurm job it runs in.</summary>
internal sealed record GatewaySettings(Uri Gateway, string Backend, PrimitiveKind Primitive, string SlurmJobId, string? SlurmStepId)
{
    /// <summary>Gateway mode: the plugin set <see cref="IbmQrunVariables.Gateway"/> (it then sets no credential).</summary>
    public static bool IsGatewayMode(Func<string, string?> environment) =>
        !string.IsNullOrWhiteSpace(environment(IbmQrunVariables.Gateway));

    /// <summary>Reads and checks the variables; collects every problem.</summary>
    public static GatewaySettings? Read(Func<string, string?> environment, List<string> errors)
    {
        string? Required(string name)
        {
            var value = environment(name)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                errors.Add(QrunMessages.VariableMissing(name));
                return null;
            }

            return value;
        }

        var gatewayText = Required(IbmQrunVariables.Gateway);
        Uri? gateway = null;
        if (gatewayText is not null)
        {
            if (Uri.TryCreate(gatewayText, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                && uri.UserInfo.Length == 0 && uri.Query.Length == 0)
            {
                gateway = uri;
            }
            else
            {
                errors.Add(QrunMessages.VariableNotUrl(IbmQrunVariables.Gateway, gatewayText));
            }
        }

        var backend = Required(IbmQrunVariables.Backend);
        var primitiveText = Required(IbmQrunVariables.Primitive);
        PrimitiveKind primitive = default;
        if (primitiveText is not null && !PrimitiveKinds.TryParse(primitiveText, out primitive))
        {
            errors.Add(QrunMessages.PrimitiveInvalid(primitiveText));
        }

        var jobId = environment("SLURM_JOB_ID")?.Trim();
        if (string.IsNullOrEmpty(jobId))
        {
            errors.Add(GatewayMessages.NotInSlurmJob());
        }

        var stepId = environment("SLURM_STEP_ID")?.Trim();
        return errors.Count > 0
            ? null
            : new GatewaySettings(gateway!, backend!, primitive, jobId!, string.IsNullOrEmpty(stepId) ? null : stepId);
    }
}
