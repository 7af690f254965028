using System.Text;

namespace SpankQrun.Emulator.Jobs;

/// <summary>The plain-text log written to a job's logs object; lines below the job's log_level are dropped.</summary>
public sealed class JobLog(JobLogLevel threshold, TimeProvider clock)
{
    private readonly List<string> _lines = [];

    public void Add(JobLogLevel level, string message)
    {
        if (level < threshold)
            return;
        lock (_lines)
            _lines.Add($"{clock.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} {level.ToString().ToUpperInvariant()} {message}");
    }

    public byte[] ToUtf8()
    {
        lock (_lines)
            return Encoding.UTF8.GetBytes(string.Concat(_lines.Select(line => line + "\n")));
    }
}
