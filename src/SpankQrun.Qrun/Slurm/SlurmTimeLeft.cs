using System.Globalization;

namespace SpankQrun.Qrun.Slurm;

/// <summary>Parses the time left that <c>squeue -o %L</c> prints: <c>[DD-[HH:]]MM:SS</c>, <c>HH:MM:SS</c>, or UNLIMITED.</summary>
internal static class SlurmTimeLeft
{
    /// <summary>
    /// True when <paramref name="text"/> is a time left; <paramref name="timeLeft"/> is null for UNLIMITED
    /// (and for NOT_SET, which Slurm prints when no limit applies).
    /// </summary>
    public static bool TryParse(string? text, out TimeSpan? timeLeft)
    {
        timeLeft = null;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (value.Equals("UNLIMITED", StringComparison.OrdinalIgnoreCase) || value.Equals("NOT_SET", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var days = 0;
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            if (!TryNumber(value[..dash], int.MaxValue, out days))
            {
                return false;
            }

            value = value[(dash + 1)..];
        }

        var parts = value.Split(':');
        int hours = 0, minutes, seconds;
        switch (parts.Length)
        {
            case 3 when TryNumber(parts[0], dash >= 0 ? 23 : int.MaxValue, out hours) && TryNumber(parts[1], 59, out minutes) && TryNumber(parts[2], 59, out seconds):
                break;
            case 2 when TryNumber(parts[0], dash >= 0 ? 23 : 59, out var first) && TryNumber(parts[1], 59, out var second):
                // "D-HH:MM" has hours and minutes after a day count; plain "MM:SS" has minutes and seconds.
                (hours, minutes, seconds) = dash >= 0 ? (first, second, 0) : (0, first, second);
                break;
            case 1 when dash >= 0 && TryNumber(parts[0], 23, out hours):
                (minutes, seconds) = (0, 0);
                break;
            default:
                return false;
        }

        timeLeft = new TimeSpan(days, hours, minutes, seconds);
        return true;
    }

    private static bool TryNumber(string text, int max, out int value)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= max)
        {
            return true;
        }

        value = 0;
        return false;
    }
}
