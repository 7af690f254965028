using System.Runtime.InteropServices;
using SpankQrun.Plugin.Core;
using SpankQrun.Plugin.Core.Callbacks;
using SpankQrun.Plugin.Interop;

namespace SpankQrun.Plugin.Exports;

/// <summary>
/// Called by the glue's option callback in sbatch/salloc/srun (as the user), for a value the glue could
/// not accept by itself; <paramref name="argv"/> is the plugstack line, kept by slurm_spank_init.
/// </summary>
internal static unsafe class CheckOptionExport
{
    [UnmanagedCallersOnly(EntryPoint = "spank_qrun_managed_check_option")]
    public static int CheckOption(HostTable* host, int option, byte* value, int argc, byte** argv) =>
        ExportGuard.Run(host, "the check of an option value",
            h => SubmitCallbacks.CheckOption(h, (QrunOption)option, NativeStrings.Read(value), NativeStrings.ReadArray(argc, argv)));
}
