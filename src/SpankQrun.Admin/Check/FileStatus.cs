using System.Runtime.InteropServices;

namespace SpankQrun.Admin.Check;

/// <summary>What <c>lstat(2)</c> says about a path: its type, owner, permission bits and size.</summary>
internal readonly record struct FileStatus(bool IsSymbolicLink, bool IsRegularFile, uint OwnerUid, uint Mode, long Size)
{
    private const uint TypeMask = 0xF000; // S_IFMT
    private const uint SymbolicLink = 0xA000; // S_IFLNK
    private const uint RegularFile = 0x8000; // S_IFREG

    /// <summary>The status of <paramref name="path"/> itself (a link is not followed), or the errno.</summary>
    public static unsafe FileStatus? Of(string path, out int errorNumber)
    {
        // struct stat is 144 bytes on x86_64 and 128 on aarch64; the fields differ in place (below).
        var buffer = stackalloc byte[256];
        errorNumber = 0;
        if (LibC.LStat(path, buffer) != 0)
        {
            errorNumber = Marshal.GetLastPInvokeError();
            return null;
        }

        uint mode, uid;
        long size;
        if (RuntimeInformation.ProcessArchitecture == Architecture.X64)
        {
            mode = *(uint*)(buffer + 24);
            uid = *(uint*)(buffer + 28);
            size = *(long*)(buffer + 48);
        }
        else if (RuntimeInformation.ProcessArchitecture == Architecture.Arm64)
        {
            mode = *(uint*)(buffer + 16);
            uid = *(uint*)(buffer + 24);
            size = *(long*)(buffer + 48);
        }
        else
        {
            throw new PlatformNotSupportedException(RuntimeInformation.ProcessArchitecture.ToString());
        }

        return new FileStatus((mode & TypeMask) == SymbolicLink, (mode & TypeMask) == RegularFile, uid, mode & 0xFFF, size);
    }
}
