using SpankQrun.TestSupport;
namespace SpankQrun.Slurm.Tests.Infrastructure;

/// <summary>
/// The plugin's line in the cluster's plugstack.conf (scripts/slurm-cluster.sh includes
/// /etc/slurm/plugstack.conf.d/*.conf). sbatch, srun, salloc and slurmstepd read it at every launch.
/// </summary>
public static class Plugstack
{
    public const string ConfigFile = "/etc/slurm/plugstack.conf.d/spank_ibm_qrun.conf";
    public const string InstalledPlugin = "/var/lib/spank-qrun-tests/spank_ibm_qrun.so";

    /// <summary>Copies the freshly built plugin where the cluster loads it (a new file, never one a running process maps).</summary>
    public static void InstallLibrary()
    {
        var source = RepositoryPaths.Plugin;
        if (!File.Exists(source))
            throw new InvalidOperationException($"{source} does not exist: build it first (mkdir build && cd build && cmake .. && make)");
        Directory.CreateDirectory(Path.GetDirectoryName(InstalledPlugin)!);
        var temporary = InstalledPlugin + ".new";
        File.Copy(source, temporary, overwrite: true);
        File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.Move(temporary, InstalledPlugin, overwrite: true);
    }

    /// <summary>The seed's line with <paramref name="arguments"/>.</summary>
    public static void Configure(IReadOnlyList<string> arguments, bool required = false) =>
        Write($"{(required ? "required" : "optional")} {InstalledPlugin} {string.Join(' ', arguments)}\n");

    /// <summary>The standard test site configuration.</summary>
    public static void ConfigureTestSite() => Configure(TestSite.Arguments);

    /// <summary>No plugin at all.</summary>
    public static void Remove() => File.Delete(ConfigFile);

    private static void Write(string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ConfigFile)!);
        var temporary = ConfigFile + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, ConfigFile, overwrite: true);
    }
}
