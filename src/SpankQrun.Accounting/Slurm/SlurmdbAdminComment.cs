using System.Runtime.InteropServices;

namespace SpankQrun.Accounting.Slurm;

/// <summary>
/// Sets a finished job's AdminComment in slurmdbd through libslurmdb's <c>slurmdb_job_modify</c>, the call
/// <c>sacctmgr modify job</c> makes, with the same condition (this cluster, this one job, no default time window),
/// but with the text as given: sacctmgr passes it through strip_quotes(), which turns every quote into a backtick.
/// slurmdbd takes it from root, SlurmUser and Slurm administrators only.
/// <para>libslurm may call exit() or hang on some errors: run this in a short child process only
/// (<c>qrun-gateway write-admin-comment</c>), never in the gateway itself.</para>
/// </summary>
public static class SlurmdbAdminComment
{
    /// <summary>Exit codes of the child process.</summary>
    public const int Written = 0;
    public const int NotModified = 3;
    public const int Failed = 4;

    /// <summary>Writes <paramref name="adminComment"/>; returns an exit code and a line for the log.</summary>
    public static (int Code, string Message) Write(string slurmJobId, string adminComment)
    {
        ArgumentNullException.ThrowIfNull(slurmJobId);
        ArgumentNullException.ThrowIfNull(adminComment);
        if (slurmJobId.Length == 0 || !slurmJobId.All(char.IsAsciiDigit))
            return (Failed, AccountingMessages.SlurmdbBadJobId(slurmJobId));

        try
        {
            SlurmdbNative.LoadGlobally();
        }
        catch (DllNotFoundException e)
        {
            return (Failed, AccountingMessages.SlurmdbFailed("loading libslurm", e.Message));
        }

        SlurmdbNative.SlurmInit(null);
        var db = SlurmdbNative.ConnectionGet(0);
        if (db == 0)
            return (Failed, AccountingMessages.SlurmdbFailed("connecting to slurmdbd", LastError()));

        nint cond = 0;
        nint job = 0;
        try
        {
            cond = Marshal.AllocHGlobal(SlurmdbNative.JobCondSize);
            for (var i = 0; i < SlurmdbNative.JobCondSize; i++)
                Marshal.WriteByte(cond, i, 0);
            Marshal.WriteInt32(cond, SlurmdbNative.JobCondDbFlags, unchecked((int)SlurmdbNative.JobFlagNotSet));
            Marshal.WriteInt32(cond, SlurmdbNative.JobCondFlags, unchecked((int)SlurmdbNative.JobCondFlagNoDefaultUsage));

            var steps = SlurmdbNative.ListCreate(SlurmdbNative.Export("slurm_destroy_selected_step"));
            Marshal.WriteIntPtr(cond, SlurmdbNative.JobCondStepList, steps);
            SlurmdbNative.AddToStepList(steps, slurmJobId);
            if (SlurmdbNative.ListCount(steps) != 1)
                return (Failed, AccountingMessages.SlurmdbBadJobId(slurmJobId));

            var clusterName = Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(SlurmdbNative.Export("slurm_conf"), SlurmdbNative.ConfClusterName));
            if (string.IsNullOrEmpty(clusterName))
                return (Failed, AccountingMessages.SlurmdbFailed("reading ClusterName from slurm.conf", "not set"));
            var clusters = SlurmdbNative.ListCreate(SlurmdbNative.Export("slurm_xfree_ptr"));
            Marshal.WriteIntPtr(cond, SlurmdbNative.JobCondClusterList, clusters);
            SlurmdbNative.ListAppend(clusters, SlurmdbNative.XStrDup(clusterName));

            job = SlurmdbNative.CreateJobRec();
            Marshal.WriteIntPtr(job, SlurmdbNative.JobRecAdminComment, SlurmdbNative.XStrDup(adminComment));

            var modified = SlurmdbNative.JobModify(db, cond, job);
            if (modified == 0)
            {
                var error = LastError();
                SlurmdbNative.ConnectionCommit(db, commit: false);
                return (Failed, AccountingMessages.SlurmdbFailed($"modifying job {slurmJobId}", error));
            }

            var count = SlurmdbNative.ListCount(modified);
            SlurmdbNative.ListDestroy(modified);
            if (count == 0)
            {
                SlurmdbNative.ConnectionCommit(db, commit: false);
                return (NotModified, AccountingMessages.SlurmdbNothingModified(slurmJobId, clusterName));
            }

            var committed = SlurmdbNative.ConnectionCommit(db, commit: true);
            return committed == 0
                ? (Written, AccountingMessages.SlurmdbWritten(slurmJobId))
                : (Failed, AccountingMessages.SlurmdbFailed($"committing job {slurmJobId}", LastError()));
        }
        finally
        {
            if (job != 0)
                SlurmdbNative.DestroyJobRec(job);
            if (cond != 0)
            {
                foreach (var offset in new[] { SlurmdbNative.JobCondStepList, SlurmdbNative.JobCondClusterList })
                {
                    var list = Marshal.ReadIntPtr(cond, offset);
                    if (list != 0)
                        SlurmdbNative.ListDestroy(list);
                }

                Marshal.FreeHGlobal(cond);
            }

            SlurmdbNative.ConnectionClose(ref db);
            SlurmdbNative.SlurmFini();
        }
    }

    private static string LastError() => Marshal.PtrToStringUTF8(SlurmdbNative.StrError(SlurmdbNative.GetErrno())) ?? "unknown error";
}
