using System.Runtime.InteropServices;

namespace SpankQrun.Plugin.Interop;

/// <summary>
/// Mirror of <c>struct qrun_host_table</c> in native/spank_glue.h: the host services the C glue hands to
/// managed code for one call. Change both together and bump <see cref="AbiVersion"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct HostTable
{
    /// <summary>The layout version this code was written for (QRUN_HOST_ABI_VERSION).</summary>
    public const int AbiVersion = 3;

    public int Version;
    public void* Spank;
    public delegate* unmanaged<int, byte*, void> Log;
    public delegate* unmanaged<void*, byte*, byte*, int> SetEnv;
    public delegate* unmanaged<void*, byte*, int> UnsetEnv;
    public delegate* unmanaged<void*, byte*, byte*, int, int> GetEnv;
    public delegate* unmanaged<void*, int, uint*, int> GetU32Item;
}
