using System.Text;
using SpankQrun.Plugin.Core.Configuration;

namespace SpankQrun.Plugin.Core.Tests;

/// <summary>Secrets file snapshots as the C glue hands them over.</summary>
internal static class Snapshots
{
    public const string Path = "/etc/slurm/qrun-secrets.conf";

    /// <summary>The file read as root, with <paramref name="text"/> as its UTF-8 content.</summary>
    public static SecretsFileSnapshot Read(string text, string path = Path) => Read(Encoding.UTF8.GetBytes(text), path);

    public static SecretsFileSnapshot Read(byte[] content, string path = Path) =>
        new(path, SecretsFileStatus.Read, string.Empty, 0, 0x8180, content);

    /// <summary>The file refused by root's checks.</summary>
    public static SecretsFileSnapshot Refused(SecretsFileStatus status, uint ownerUid = 0, uint mode = 0x8180, string errorText = "") =>
        new(Path, status, errorText, ownerUid, mode, []);
}
