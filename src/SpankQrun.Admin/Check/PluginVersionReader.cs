using System.Text;

namespace SpankQrun.Admin.Check;

/// <summary>Reads the release a built spank_ibm_qrun.so carries (its <c>spank_qrun_version</c> string) without loading it.</summary>
internal static class PluginVersionReader
{
    private const long MaxLibraryBytes = 256L * 1024 * 1024;
    private static readonly byte[] Marker = Encoding.ASCII.GetBytes("spank_ibm_qrun version ");

    /// <summary>"spank_ibm_qrun version X", or null when the library carries none.</summary>
    public static string? Read(string path)
    {
        if (new FileInfo(path).Length > MaxLibraryBytes)
            return null;
        var bytes = File.ReadAllBytes(path);
        var start = bytes.AsSpan().IndexOf(Marker);
        if (start < 0)
            return null;
        var length = bytes.AsSpan(start).IndexOf((byte)0);
        return length < 0 || length > 128 ? null : Encoding.ASCII.GetString(bytes, start, length);
    }

    /// <summary>This program's release, as the plugin of the same release writes it.</summary>
    public static string Own() =>
        "spank_ibm_qrun version " + (typeof(PluginVersionReader).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0] ?? "unknown");
}
