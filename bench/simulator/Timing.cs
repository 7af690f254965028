using System.Diagnostics;

namespace SpankQrun.Simulator.Bench;

/// <summary>
/// Best-of-N wall and process CPU time. On a shared, loaded machine the CPU time of a single-threaded section is the
/// steadier figure (wall time also counts the time other processes held the core).
/// </summary>
internal static class Timing
{
    public static (TimeSpan Wall, TimeSpan Cpu) Best(int repeats, Action action)
    {
        using var process = Process.GetCurrentProcess();
        var wall = TimeSpan.MaxValue;
        var cpu = TimeSpan.MaxValue;
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            action();
            var elapsed = stopwatch.Elapsed;
            process.Refresh();
            var used = process.TotalProcessorTime - cpuBefore;
            wall = elapsed < wall ? elapsed : wall;
            cpu = used < cpu ? used : cpu;
        }

        return (wall, cpu);
    }
}
