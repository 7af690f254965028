using System.Runtime.InteropServices;
using SpankQrun.Plugin.Core.Configuration;

namespace SpankQrun.Admin.Check;

/// <summary>
/// Looks at the secrets file as slurmstepd's glue does before it reads it (spank_glue.c, read_secrets_file):
/// not a symbolic link, a regular file, owned by root, no access for group or others, at most
/// <see cref="SecretsFileParser.MaxBytes"/> bytes; then reads it. The outcome is the same
/// <see cref="SecretsFileSnapshot"/> the plugin hands its parser, so the messages are the plugin's own.
/// </summary>
internal static class SecretsFileInspector
{
    private const int PermissionDenied = 13; // EACCES
    private const uint ReadWriteByGroupOrOthers = 0x36; // S_IRGRP | S_IWGRP | S_IROTH | S_IWOTH (octal 066)

    /// <summary>The file as the plugin would find it. <paramref name="unreadableByThisUser"/>: only root can read it and this is not root.</summary>
    public static SecretsFileSnapshot Inspect(string path, out bool unreadableByThisUser)
    {
        unreadableByThisUser = false;
        var status = FileStatus.Of(path, out var errorNumber);
        if (status is not { } file)
        {
            unreadableByThisUser = errorNumber == PermissionDenied;
            return Refused(path, SecretsFileStatus.OpenFailed, errorNumber, 0, 0);
        }

        var refusal = file switch
        {
            { IsSymbolicLink: true } => SecretsFileStatus.SymbolicLink,
            { IsRegularFile: false } => SecretsFileStatus.NotRegularFile,
            { OwnerUid: not 0 } => SecretsFileStatus.NotOwnedByRoot,
            _ when (file.Mode & ReadWriteByGroupOrOthers) != 0 => SecretsFileStatus.AccessibleByOthers,
            { Size: > SecretsFileParser.MaxBytes } => SecretsFileStatus.TooLarge,
            _ => SecretsFileStatus.NotRead,
        };
        if (refusal != SecretsFileStatus.NotRead)
            return Refused(path, refusal, 0, file.OwnerUid, file.Mode);

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            var buffer = new byte[SecretsFileParser.MaxBytes + 1];
            var length = 0;
            int n;
            while (length < buffer.Length && (n = stream.Read(buffer, length, buffer.Length - length)) > 0)
                length += n;
            return length > SecretsFileParser.MaxBytes
                ? Refused(path, SecretsFileStatus.TooLarge, 0, file.OwnerUid, file.Mode)
                : new SecretsFileSnapshot(path, SecretsFileStatus.Read, string.Empty, file.OwnerUid, file.Mode, buffer[..length]);
        }
        catch (UnauthorizedAccessException)
        {
            unreadableByThisUser = true;
            return Refused(path, SecretsFileStatus.OpenFailed, PermissionDenied, file.OwnerUid, file.Mode);
        }
        catch (IOException exception)
        {
            return new SecretsFileSnapshot(path, SecretsFileStatus.ReadFailed, exception.Message, file.OwnerUid, file.Mode, []);
        }
    }

    private static SecretsFileSnapshot Refused(string path, SecretsFileStatus status, int errorNumber, uint owner, uint mode) =>
        new(path, status, errorNumber != 0 ? Marshal.GetPInvokeErrorMessage(errorNumber) : string.Empty, owner, mode, []);
}
