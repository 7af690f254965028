using SpankQrun.TestSupport;

namespace SpankQrun.Admin.Tests;

/// <summary>A temporary directory (mode 0755, so another user can look in) for plugstack.conf and secrets files.</summary>
internal sealed class SiteFiles : IDisposable
{
    public SiteFiles()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("qrun-admin-test-").FullName;
        File.SetUnixFileMode(Directory, (UnixFileMode)0b111_101_101);
    }

    public string Directory { get; }

    public static string Plugin => RepositoryPaths.Plugin;

    /// <summary>Writes a file owned by the test's user (root in CI) with <paramref name="mode"/>.</summary>
    public string Write(string name, string content, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        var path = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, mode);
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
