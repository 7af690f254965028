using SpankQrun.TestSupport;
namespace SpankQrun.Slurm.Tests.Infrastructure;

/// <summary>
/// A folder for one test's jobs, visible to every node (they all run on this host), with capture.sh:
/// each task that runs `capture.sh LABEL` writes its environment to env.LABEL.ARRAYTASK.RANK.NODE.
/// </summary>
public sealed class JobWorkspace : IDisposable
{
    public JobWorkspace()
    {
        Directory = System.IO.Directory.CreateDirectory(Path.Combine("/tmp", "spank-qrun-e2e", Guid.NewGuid().ToString("N"))).FullName;
        File.SetUnixFileMode(Directory, (UnixFileMode)0x1FF);
        CaptureScript = Path.Combine(Directory, "capture.sh");
        File.WriteAllText(CaptureScript,
            "#!/bin/bash\nenv > \"$(dirname \"$0\")/env.$1.${SLURM_ARRAY_TASK_ID:-na}.${SLURM_PROCID:-0}.${SLURMD_NODENAME:-none}\"\n");
        File.SetUnixFileMode(CaptureScript, (UnixFileMode)0x1ED);
    }

    public string Directory { get; }

    public string CaptureScript { get; }

    /// <summary>Writes a batch script and returns its path.</summary>
    public string WriteScript(string name, string body)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, body.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(path, (UnixFileMode)0x1ED);
        return path;
    }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Every environment captured under <paramref name="label"/>.</summary>
    public IReadOnlyList<CapturedEnvironment> Captures(string label) =>
        [.. System.IO.Directory.GetFiles(Directory, $"env.{label}.*").Order(StringComparer.Ordinal).Select(CapturedEnvironment.Read)];

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A job still writing; /tmp is cleaned by the next run.
        }
    }
}
