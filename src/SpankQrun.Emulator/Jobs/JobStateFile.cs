using System.Text.Json;
using SpankQrun.Emulator.Json;

namespace SpankQrun.Emulator.Jobs;

/// <summary>
/// Reads and writes the jobs of the state directory. Writes go to a temporary file that then replaces the
/// old one, so a crash leaves either the previous or the new state, never half a file. The file holds
/// presigned URLs, so only its owner may read it.
/// </summary>
public sealed class JobStateFile(string path)
{
    public string Path { get; } = path;

    public IReadOnlyList<Job> Load()
    {
        if (!File.Exists(Path))
            return [];
        try
        {
            using var stream = File.OpenRead(Path);
            return JsonSerializer.Deserialize(stream, EmulatorJsonContext.Default.JobStateDocument)?.Jobs ?? [];
        }
        catch (JsonException exception)
        {
            throw new Configuration.EmulatorConfigurationException(EmulatorMessages.StateFileInvalid(Path, exception.Message));
        }
    }

    public void Save(IReadOnlyList<Job> jobs)
    {
        var temporary = Path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, new JobStateDocument(jobs), EmulatorJsonContext.Default.JobStateDocument);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path, overwrite: true);
    }
}
