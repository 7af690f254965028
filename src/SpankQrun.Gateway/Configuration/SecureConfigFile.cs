namespace SpankQrun.Gateway.Configuration;

/// <summary>
/// Reads the gateway's configuration file under the rules of the plugin's secrets file: an absolute path,
/// not a symbolic link, a regular file owned by root, no access for group or others, at most 64 KiB.
/// The checks are made on the file actually opened (same inode as the path checked).
/// </summary>
public static class SecureConfigFile
{
    /// <summary>The largest file read.</summary>
    public const int MaxBytes = 65536;

    /// <summary>The file's bytes, or a problem (one message) explaining the refusal.</summary>
    public static byte[] Read(string path, uint requiredOwner = 0)
    {
        if (!Path.IsPathFullyQualified(path))
            throw new GatewayConfigurationException(GatewayMessages.ConfigNotAbsolute(path));
        var before = NativeFileStatus.OfPath(path, out var errno)
            ?? throw new GatewayConfigurationException(GatewayMessages.ConfigCannotRead(path, ErrnoText(errno)));
        if (before.IsSymbolicLink)
            throw new GatewayConfigurationException(GatewayMessages.ConfigSymbolicLink(path));
        Check(path, before, requiredOwner);

        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var opened = NativeFileStatus.OfHandle(handle, out errno)
                ?? throw new GatewayConfigurationException(GatewayMessages.ConfigCannotRead(path, ErrnoText(errno)));
            if (opened.Inode != before.Inode || opened.Device != before.Device)
                throw new GatewayConfigurationException(GatewayMessages.ConfigChangedWhileRead(path));
            Check(path, opened, requiredOwner);
            var buffer = new byte[opened.Size];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = RandomAccess.Read(handle, buffer.AsSpan(read), read);
                if (n == 0)
                    break;
                read += n;
            }

            return buffer[..read];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GatewayConfigurationException(GatewayMessages.ConfigCannotRead(path, e.Message));
        }
    }

    private static void Check(string path, NativeFileStatus.Status status, uint requiredOwner)
    {
        if (!status.IsRegularFile)
            throw new GatewayConfigurationException(GatewayMessages.ConfigNotRegular(path));
        if (status.Uid != requiredOwner)
            throw new GatewayConfigurationException(GatewayMessages.ConfigNotOwnedByRoot(path, status.Uid));
        if ((status.Mode & 0x3F) != 0)
            throw new GatewayConfigurationException(GatewayMessages.ConfigAccessibleByOthers(path, status.Mode));
        if (status.Size > MaxBytes)
            throw new GatewayConfigurationException(GatewayMessages.ConfigTooLarge(path, MaxBytes));
    }

    private static string ErrnoText(int errno) => errno switch
    {
        2 => "no such file",
        13 => "permission denied",
        20 => "a component of the path is not a directory",
        _ => $"errno {errno}",
    };
}
