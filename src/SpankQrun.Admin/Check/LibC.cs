using System.Runtime.InteropServices;

namespace SpankQrun.Admin.Check;

/// <summary>The C library calls .NET has no API for.</summary>
internal static partial class LibC
{
    [LibraryImport("libc", EntryPoint = "lstat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static unsafe partial int LStat(string path, byte* buffer);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEffectiveUid();
}
