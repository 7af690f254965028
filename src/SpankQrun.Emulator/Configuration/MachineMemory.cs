using System.Globalization;

namespace SpankQrun.Emulator.Configuration;

/// <summary>
/// The default memory budget: three quarters of what the machine can give this process, that is the smaller of
/// MemAvailable (/proc/meminfo) at start and the cgroup's memory limit (cgroup v2 memory.max or v1 limit_in_bytes).
/// </summary>
public static class MachineMemory
{
    private const long Fallback = 4L * 1024 * 1024 * 1024;

    public static long DefaultBudgetBytes()
    {
        var available = MemAvailable() ?? Fallback;
        if (CgroupLimit() is { } limit)
            available = Math.Min(available, limit);
        return Math.Max(64L * 1024 * 1024, available / 4 * 3);
    }

    private static long? MemAvailable()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/meminfo"))
            {
                if (!line.StartsWith("MemAvailable:", StringComparison.Ordinal))
                    continue;
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            // Not Linux, or /proc is hidden: the fallback applies.
        }

        return null;
    }

    private static long? CgroupLimit()
    {
        foreach (var file in new[] { "/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes" })
        {
            try
            {
                var text = File.ReadAllText(file).Trim();
                // "max" (v2) or a huge number (v1) means no limit.
                if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit < long.MaxValue / 2)
                    return limit;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // No such cgroup file.
            }
        }

        return null;
    }
}
