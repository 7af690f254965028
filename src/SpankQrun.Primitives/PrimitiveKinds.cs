namespace SpankQrun.Primitives;

/// <summary>Converts between <see cref="PrimitiveKind"/> and the Direct Access <c>program_id</c>.</summary>
public static class PrimitiveKinds
{
    public const string SamplerProgramId = "sampler";
    public const string EstimatorProgramId = "estimator";

    public static bool TryParse(string? programId, out PrimitiveKind kind)
    {
        if (string.Equals(programId, SamplerProgramId, StringComparison.OrdinalIgnoreCase))
        {
            kind = PrimitiveKind.Sampler;
            return true;
        }

        if (string.Equals(programId, EstimatorProgramId, StringComparison.OrdinalIgnoreCase))
        {
            kind = PrimitiveKind.Estimator;
            return true;
        }

        kind = default;
        return false;
    }

    public static string ToProgramId(this PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.Sampler => SamplerProgramId,
        PrimitiveKind.Estimator => EstimatorProgramId,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "expected Sampler or Estimator"),
    };
}
