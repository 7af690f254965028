using System.Runtime.InteropServices;

namespace SpankQrun.Accounting.Slurm;

/// <summary>
/// The few calls of libslurm (Slurm 22.05, Debian 12's libslurm38) that <c>sacctmgr modify job</c> and
/// <c>scontrol update JobId=... AdminComment=...</c> make, and the offsets of the struct fields written to. The
/// layouts are those of /usr/include/slurm/slurmdb.h and slurm.h in libslurm-dev 22.05; a test compiles a C program
/// against those headers and checks every constant here.
/// </summary>
internal static partial class SlurmdbNative
{
    public const string Library = "libslurm.so.38";

    /// <summary>sizeof(slurmdb_job_cond_t).</summary>
    public const int JobCondSize = 192;

    /// <summary>offsetof(slurmdb_job_cond_t, cluster_list): List of char *.</summary>
    public const int JobCondClusterList = 16;

    /// <summary>offsetof(slurmdb_job_cond_t, db_flags): uint32_t.</summary>
    public const int JobCondDbFlags = 40;

    /// <summary>offsetof(slurmdb_job_cond_t, flags): uint32_t.</summary>
    public const int JobCondFlags = 48;

    /// <summary>offsetof(slurmdb_job_cond_t, step_list): List of slurm_selected_step_t.</summary>
    public const int JobCondStepList = 136;

    /// <summary>offsetof(slurmdb_job_rec_t, admin_comment): char *.</summary>
    public const int JobRecAdminComment = 8;

    /// <summary>offsetof(slurm_conf_t, cluster_name): char *.</summary>
    public const int ConfClusterName = 232;

    /// <summary>sizeof(job_desc_msg_t).</summary>
    public const int JobDescSize = 880;

    /// <summary>offsetof(job_desc_msg_t, admin_comment): char *.</summary>
    public const int JobDescAdminComment = 16;

    /// <summary>offsetof(job_desc_msg_t, job_id): uint32_t.</summary>
    public const int JobDescJobId = 324;

    /// <summary>SLURMDB_JOB_FLAG_NOTSET.</summary>
    public const uint JobFlagNotSet = 1u << 0;

    /// <summary>JOBCOND_FLAG_NO_DEFAULT_USAGE: no default time window (sacct's "since midnight").</summary>
    public const uint JobCondFlagNoDefaultUsage = 1u << 7;

    /// <summary>dlfcn.h's RTLD_NOW and RTLD_GLOBAL (glibc).</summary>
    public const int RtldNow = 0x2;
    public const int RtldGlobal = 0x100;

    /// <summary>
    /// Loads libslurm with its symbols global, as a program linked with it has them: the plugins libslurm loads
    /// itself (accounting_storage_slurmdbd.so) resolve symbols of libslurm that a local load would hide.
    /// </summary>
    public static void LoadGlobally()
    {
        if (DlOpen(Library, RtldNow | RtldGlobal) == 0)
            throw new DllNotFoundException($"{Library}: {Marshal.PtrToStringUTF8(DlError()) ?? "cannot be loaded"}");
    }

    [LibraryImport("libc.so.6", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint DlOpen(string file, int mode);

    [LibraryImport("libc.so.6", EntryPoint = "dlerror")]
    private static partial nint DlError();

    [LibraryImport(Library, EntryPoint = "slurm_init", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void SlurmInit(string? conf);

    [LibraryImport(Library, EntryPoint = "slurm_fini")]
    public static partial void SlurmFini();

    [LibraryImport(Library, EntryPoint = "slurm_get_errno")]
    public static partial int GetErrno();

    [LibraryImport(Library, EntryPoint = "slurm_strerror")]
    public static partial nint StrError(int errorNumber);

    [LibraryImport(Library, EntryPoint = "slurm_init_job_desc_msg")]
    public static partial void InitJobDescMsg(nint jobDesc);

    [LibraryImport(Library, EntryPoint = "slurm_update_job")]
    public static partial int UpdateJob(nint jobDesc);

    [LibraryImport(Library, EntryPoint = "slurmdb_connection_get")]
    public static partial nint ConnectionGet(nint persistConnFlags);

    [LibraryImport(Library, EntryPoint = "slurmdb_connection_commit")]
    public static partial int ConnectionCommit(nint dbConn, [MarshalAs(UnmanagedType.U1)] bool commit);

    [LibraryImport(Library, EntryPoint = "slurmdb_connection_close")]
    public static partial int ConnectionClose(ref nint dbConn);

    [LibraryImport(Library, EntryPoint = "slurmdb_job_modify")]
    public static partial nint JobModify(nint dbConn, nint jobCond, nint job);

    [LibraryImport(Library, EntryPoint = "slurmdb_create_job_rec")]
    public static partial nint CreateJobRec();

    [LibraryImport(Library, EntryPoint = "slurmdb_destroy_job_rec")]
    public static partial void DestroyJobRec(nint job);

    [LibraryImport(Library, EntryPoint = "slurm_list_create")]
    public static partial nint ListCreate(nint destructor);

    [LibraryImport(Library, EntryPoint = "slurm_list_append")]
    public static partial nint ListAppend(nint list, nint item);

    [LibraryImport(Library, EntryPoint = "slurm_list_count")]
    public static partial int ListCount(nint list);

    [LibraryImport(Library, EntryPoint = "slurm_list_destroy")]
    public static partial void ListDestroy(nint list);

    [LibraryImport(Library, EntryPoint = "slurm_addto_step_list", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int AddToStepList(nint stepList, string names);

    /// <summary>An xmalloc'd copy, which libslurm's destructors (xfree) may free.</summary>
    [LibraryImport(Library, EntryPoint = "slurm_xstrdup", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint XStrDup(string text);

    /// <summary>The address of an exported function or variable of libslurm (destructors, slurm_conf).</summary>
    public static nint Export(string name) => NativeLibrary.GetExport(NativeLibrary.Load(Library), name);
}
