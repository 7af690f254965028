using System.Runtime.InteropServices;
using SpankQrun.Plugin.Core.Callbacks;
using SpankQrun.Plugin.Interop;

namespace SpankQrun.Plugin.Exports;

/// <summary>
/// Called by the glue's <c>slurm_spank_task_init</c> in the forked task child (as the job user), only for
/// jobs that gave an option. The runtime starts here, fresh, in a single-threaded child that execs next.
/// </summary>
internal static unsafe class TaskInitExport
{
    [UnmanagedCallersOnly(EntryPoint = "spank_qrun_managed_task_init")]
    public static int TaskInit(HostTable* host, int argc, byte** argv, byte* backend, byte* primitive, SecretsFileView* secrets) =>
        ExportGuard.Run(host, TaskInitCallback.Name,
            h => TaskInitCallback.Run(h, NativeStrings.ReadArray(argc, argv), NativeStrings.Read(backend), NativeStrings.Read(primitive),
                SecretsFileView.ToSnapshot(secrets)));
}
