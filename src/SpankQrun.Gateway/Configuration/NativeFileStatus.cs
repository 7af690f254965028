using System.Runtime.InteropServices;

namespace SpankQrun.Gateway.Configuration;

/// <summary>
/// Owner, mode, type and inode of a path or open file, through glibc's statx (one layout on every architecture;
/// .NET does not expose a file's owner).
/// </summary>
internal static unsafe partial class NativeFileStatus
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxSize = 256;

    public readonly record struct Status(uint Uid, uint Mode, ulong Inode, ulong Device, long Size)
    {
        public bool IsSymbolicLink => (Mode & 0xF000) == 0xA000;

        public bool IsRegularFile => (Mode & 0xF000) == 0x8000;
    }

    /// <summary>lstat-like: a symbolic link is reported as itself.</summary>
    public static Status? OfPath(string path, out int errno)
    {
        var buffer = stackalloc byte[StatxSize];
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return null;
        }

        errno = 0;
        return Read(buffer);
    }

    /// <summary>fstat-like, on an open handle.</summary>
    public static Status? OfHandle(SafeHandle handle, out int errno)
    {
        var buffer = stackalloc byte[StatxSize];
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            if (Statx((int)handle.DangerousGetHandle(), string.Empty, AtEmptyPath, StatxBasicStats, buffer) != 0)
            {
                errno = Marshal.GetLastPInvokeError();
                return null;
            }
        }
        finally
        {
            if (added)
                handle.DangerousRelease();
        }

        errno = 0;
        return Read(buffer);
    }

    // struct statx: mask u32 @0, blksize u32 @4, attributes u64 @8, nlink u32 @16, uid u32 @20, gid u32 @24,
    // mode u16 @28, ino u64 @32, size u64 @40, ..., dev_major u32 @136, dev_minor u32 @140.
    private static Status Read(byte* buffer) => new(
        *(uint*)(buffer + 20),
        *(ushort*)(buffer + 28),
        *(ulong*)(buffer + 32),
        ((ulong)*(uint*)(buffer + 136) << 32) | *(uint*)(buffer + 140),
        *(long*)(buffer + 40));

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, byte* buffer);
}
