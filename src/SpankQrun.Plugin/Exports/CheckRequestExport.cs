using System.Runtime.InteropServices;
using SpankQrun.Plugin.Core.Callbacks;
using SpankQrun.Plugin.Interop;

namespace SpankQrun.Plugin.Exports;

/// <summary>Called by the glue's <c>slurm_spank_init_post_opt</c> in sbatch/salloc/srun when an option was given.</summary>
internal static unsafe class CheckRequestExport
{
    [UnmanagedCallersOnly(EntryPoint = "spank_qrun_managed_check_request")]
    public static int CheckRequest(HostTable* host, byte* backend, byte* primitive) =>
        ExportGuard.Run(host, "the check of --q-primitive against --q-backend",
            h => SubmitCallbacks.CheckRequest(h, NativeStrings.Read(backend), NativeStrings.Read(primitive)));
}
