namespace SpankQrun.Gateway.Configuration;

/// <summary>The gateway's settings, from its configuration file.</summary>
public sealed record GatewaySettings
{
    public const string DefaultListen = "http://127.0.0.1:8291";

    public IReadOnlyList<string> ListenUrls { get; init; } = [DefaultListen];

    public IReadOnlyDictionary<string, GatewayBackend> Backends { get; init; } = new Dictionary<string, GatewayBackend>();

    public DatabaseSettings Database { get; init; } = new(DatabaseKind.Sqlite, DatabaseSettings.DefaultSqlitePath);

    public string ScontrolPath { get; init; } = "/usr/bin/scontrol";

    public string SqueuePath { get; init; } = "/usr/bin/squeue";

    public string SacctPath { get; init; } = "/usr/bin/sacct";

    public string SacctmgrPath { get; init; } = "/usr/bin/sacctmgr";

    /// <summary>Whether each Slurm job's QPU usage is written into its AdminComment (docs/accounting.md).</summary>
    public bool UsageToAdminComment { get; init; } = true;

    /// <summary>Where the backends' Slurm licenses live, which LicenseSync keeps in step with the lanes; None: no sync.</summary>
    public LicenseSyncMode LicenseSync { get; init; } = LicenseSyncMode.None;

    /// <summary>The server part of remote licenses (BACKEND@SERVER), as job_submit.lua's QRUN_LICENSE_SERVER.</summary>
    public string LicenseServer { get; init; } = "qrun";

    public TimeSpan LicenseSyncInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest wait for one scontrol/squeue call; after it, Slurm counts as unreachable.</summary>
    public TimeSpan SlurmTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the watcher asks Slurm which jobs still run.</summary>
    public TimeSpan SlurmPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one answer of Slurm about a job is reused for requests.</summary>
    public TimeSpan SlurmCacheLifetime { get; init; } = TimeSpan.FromSeconds(2);

    public long MaxInputBytes { get; init; } = 1L << 30;

    public int MaxTimeoutSecs { get; init; } = 86400;

    /// <summary>Validity of the presigned PUT given to the client for its input.</summary>
    public TimeSpan UploadUrlLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Validity of the presigned GETs of results and logs given to the client.</summary>
    public TimeSpan DownloadUrlLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Validity of the presigned URLs given to Direct Access (the job may queue for long).</summary>
    public TimeSpan ServiceUrlLifetime { get; init; } = TimeSpan.FromDays(2);

    /// <summary>After cancelling the jobs of an ended Slurm job, how long to wait for a final status before deleting anyway.</summary>
    public TimeSpan CleanupWait { get; init; } = TimeSpan.FromSeconds(20);

    public int DirectAccessAttempts { get; init; } = 6;

    public TimeSpan DirectAccessAttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>Where the license counts live: none (no sync), slurmdbd (remote, followed live), local (slurm.conf, holds only).</summary>
public enum LicenseSyncMode
{
    None,
    Slurmdbd,
    Local,
}
