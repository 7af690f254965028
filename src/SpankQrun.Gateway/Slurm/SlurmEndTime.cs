using System.Globalization;

namespace SpankQrun.Gateway.Slurm;

/// <summary>
/// Reads the end time <c>squeue -o %e</c> prints for a running job, in the form <see cref="CommandRunner"/> asks for
/// (SLURM_TIME_FORMAT=standard, TZ=UTC): <c>YYYY-MM-DDTHH:MM:SS</c>, or NONE when the job has no time limit.
/// </summary>
public static class SlurmEndTime
{
    /// <summary>True when <paramref name="text"/> is an end time; <paramref name="endTime"/> is null for NONE.</summary>
    public static bool TryParse(string? text, out DateTimeOffset? endTime)
    {
        endTime = null;
        var value = text?.Trim();
        if (string.Equals(value, "NONE", StringComparison.Ordinal))
            return true;
        if (!DateTime.TryParseExact(value, "yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc))
            return false;
        endTime = new DateTimeOffset(utc, TimeSpan.Zero);
        return true;
    }
}
