using System.Runtime.InteropServices;

namespace SpankQrun.Accounting.Slurm;

/// <summary>
/// Sets a running job's AdminComment through slurmctld with libslurm's <c>slurm_update_job</c>, the call
/// <c>scontrol update JobId=N AdminComment=TEXT</c> makes, in a process that loads libslurm once and then serves many
/// updates: about 1 ms an update against about 10 ms to start scontrol for each. slurmctld takes it from root,
/// SlurmUser and Slurm administrators only.
/// <para>libslurm may call exit() or hang on some errors: use this in a child process only
/// (<c>qrun-gateway admin-comment-helper</c>), never in the gateway itself.</para>
/// </summary>
public static class SlurmctldAdminComment
{
    private static bool initialized;

    /// <summary>Loads libslurm and reads slurm.conf, once; null when it is ready, else why not.</summary>
    public static string? Initialize()
    {
        if (initialized)
            return null;
        try
        {
            SlurmdbNative.LoadGlobally();
        }
        catch (DllNotFoundException e)
        {
            return AccountingMessages.SlurmdbFailed("loading libslurm", e.Message);
        }

        // Reads slurm.conf; a broken one ends this process (libslurm's fatal()), which the parent sees.
        SlurmdbNative.SlurmInit(null);
        initialized = true;
        return null;
    }

    /// <summary>Sets the AdminComment of job <paramref name="slurmJobId"/>; null when slurmctld took it, else its error.</summary>
    public static string? Write(string slurmJobId, string adminComment)
    {
        ArgumentNullException.ThrowIfNull(slurmJobId);
        ArgumentNullException.ThrowIfNull(adminComment);
        if (!uint.TryParse(slurmJobId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var jobId))
            return AccountingMessages.SlurmdbBadJobId(slurmJobId);
        if (Initialize() is { } problem)
            return problem;

        var desc = Marshal.AllocHGlobal(SlurmdbNative.JobDescSize);
        var text = Marshal.StringToCoTaskMemUTF8(adminComment);
        try
        {
            SlurmdbNative.InitJobDescMsg(desc);
            Marshal.WriteInt32(desc, SlurmdbNative.JobDescJobId, unchecked((int)jobId));
            // Borrowed: slurm_update_job only reads the message, and it is freed here, not by libslurm.
            Marshal.WriteIntPtr(desc, SlurmdbNative.JobDescAdminComment, text);
            return SlurmdbNative.UpdateJob(desc) == 0
                ? null
                : Marshal.PtrToStringUTF8(SlurmdbNative.StrError(SlurmdbNative.GetErrno())) ?? "unknown error";
        }
        finally
        {
            Marshal.FreeCoTaskMem(text);
            Marshal.FreeHGlobal(desc);
        }
    }
}
