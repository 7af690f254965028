using SpankQrun.TestSupport;

namespace SpankQrun.Slurm.Tests.Infrastructure;

/// <summary>
/// A secrets file for the plugin (root-only by default) in a root-owned folder, removed on dispose.
/// Tests change its owner and mode to check what the plugin refuses.
/// </summary>
public sealed class SecretsFile : IDisposable
{
    public const string Folder = "/var/lib/spank-qrun-tests/secrets";
    public const UnixFileMode RootOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private SecretsFile(string path) => Path = path;

    public string Path { get; }

    /// <summary>Writes <paramref name="content"/> to a new file owned by root with mode 0600.</summary>
    public static SecretsFile Create(string content)
    {
        Directory.CreateDirectory(Folder);
        File.SetUnixFileMode(Folder, (UnixFileMode)0x1ED);
        var path = System.IO.Path.Combine(Folder, $"qrun-secrets-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(path, RootOnly);
        return new SecretsFile(path);
    }

    public void SetMode(UnixFileMode mode) => File.SetUnixFileMode(Path, mode);

    public async Task SetOwnerAsync(string user)
    {
        var chown = await Shell.RunAsync("chown", [user, Path]);
        if (chown.ExitCode != 0)
            throw new InvalidOperationException(chown.ToString());
    }

    /// <summary>A symbolic link to this file, next to it.</summary>
    public string CreateSymbolicLink()
    {
        var link = Path + ".link";
        File.CreateSymbolicLink(link, Path);
        return link;
    }

    public void Dispose()
    {
        File.Delete(Path + ".link");
        File.Delete(Path);
    }
}
