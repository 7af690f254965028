using System.Runtime.InteropServices;
using SpankQrun.Plugin.Core.Configuration;

namespace SpankQrun.Plugin.Interop;

/// <summary>
/// Mirror of <c>struct qrun_secrets_file</c> in native/spank_glue.h: the secrets file as root read it in
/// <c>slurm_spank_task_init_privileged</c>. Change both together and bump <see cref="HostTable.AbiVersion"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SecretsFileView
{
    public byte* Path;
    public int Status;
    public int ErrorNumber;
    public uint OwnerUid;
    public uint Mode;
    public byte* Content;
    public long Length;

    /// <summary>A managed copy (null view: nothing was read).</summary>
    public static SecretsFileSnapshot ToSnapshot(SecretsFileView* view)
    {
        if (view is null || view->Path is null)
            return SecretsFileSnapshot.None;
        var status = (SecretsFileStatus)view->Status;
        var content = status == SecretsFileStatus.Read && view->Content is not null && view->Length > 0
            ? new ReadOnlySpan<byte>(view->Content, checked((int)view->Length)).ToArray()
            : [];
        var errorText = view->ErrorNumber != 0 ? Marshal.GetPInvokeErrorMessage(view->ErrorNumber) : string.Empty;
        return new SecretsFileSnapshot(NativeStrings.Read(view->Path)!, status, errorText, view->OwnerUid, view->Mode, content);
    }
}
