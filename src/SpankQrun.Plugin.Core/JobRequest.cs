namespace SpankQrun.Plugin.Core;

/// <summary>What a job asked for with <c>--q-backend</c> and <c>--q-primitive</c>, validated and normalized.</summary>
/// <param name="Backend">The backend name.</param>
/// <param name="Primitive">The primitive in lower case, or null when the job did not name one.</param>
public sealed record JobRequest(string Backend, string? Primitive)
{
    /// <summary>
    /// The backend a step inherits when it names only a primitive: an srun inside a batch job that was
    /// submitted with <c>--q-backend</c> finds it in the environment the batch script received.
    /// </summary>
    public static string? InheritedBackend(ISpankHost host, string? primitive) =>
        primitive is null ? null : host.GetEnvironment(Variables.IbmQrunVariables.Backend);

    /// <summary>
    /// Validates the raw option values (null: option not given). Returns the request, or null and the
    /// reason. Both values null is not a request at all and is refused here; callers check that first.
    /// </summary>
    public static JobRequest? TryCreate(string? backend, string? primitive, out string? error)
    {
        string? normalizedPrimitive = null;
        if (primitive is not null)
        {
            if (!OptionValidator.TryNormalizePrimitive(primitive, out var lower))
            {
                error = Messages.PrimitiveUnknown(primitive);
                return null;
            }

            normalizedPrimitive = lower;
        }

        if (backend is null)
        {
            error = Messages.PrimitiveWithoutBackend(normalizedPrimitive ?? string.Empty);
            return null;
        }

        error = OptionValidator.CheckBackend(backend);
        return error is null ? new JobRequest(backend, normalizedPrimitive) : null;
    }
}
